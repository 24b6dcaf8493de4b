package io.newsdesk.recommend.api;

import io.newsdesk.core.content.ContentIds;
import io.newsdesk.recommend.picks.EditorPick;
import io.newsdesk.recommend.picks.EditorPickInput;
import io.newsdesk.recommend.picks.EditorPicks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Editor picks: what the newsroom pushes into feeds. */
@Path("/api/editor-picks")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class EditorPickResource {

    private final EditorPicks picks;

    public EditorPickResource(EditorPicks picks) {
        this.picks = picks;
    }

    @GET
    @Operation(summary = "Active editor picks", description = "Site-wide picks and, with section, that section's.")
    public List<EditorPick> active(
            @QueryParam("section") @Pattern(regexp = ContentIds.SECTION_PATTERN, message = "must be a section slug") String section) {
        return picks.active(section == null ? null : List.of(section));
    }

    @PUT
    @Path("{articleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pick an article", description = "Site-wide, or for one section; the note is the reason readers see.")
    @APIResponse(responseCode = "201", description = "Picked")
    @APIResponse(responseCode = "200", description = "Pick updated")
    @APIResponse(responseCode = "404", description = "No such article", content = @Content(mediaType = "application/problem+json"))
    public Response pick(@PathParam("articleId") String articleId, @Valid @NotNull EditorPickInput body) {
        return Response.status(picks.pick(articleId, body) ? 201 : 200).build();
    }

    @DELETE
    @Path("{articleId}")
    @Operation(summary = "Remove a pick")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "Not picked", content = @Content(mediaType = "application/problem+json"))
    public Response unpick(@PathParam("articleId") String articleId) {
        picks.unpick(articleId);
        return Response.noContent().build();
    }
}
