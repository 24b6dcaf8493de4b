package io.newsdesk.generation.api;

import io.newsdesk.core.content.ContentIds;
import io.newsdesk.core.http.BodyLimit;
import io.newsdesk.generation.taxonomy.SectionNotFoundException;
import io.newsdesk.generation.taxonomy.Taxonomy;
import io.newsdesk.generation.taxonomy.TaxonomySection;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/editor/taxonomy")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Editor tools")
public class TaxonomyResource {

    private final Taxonomy taxonomy;

    public TaxonomyResource(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The taxonomy the tag tool uses, and whether editors wrote it or it stands in from the articles' sections. */
    public record TaxonomyView(boolean written, List<TaxonomySection> sections) {
    }

    @GET
    @Operation(summary = "The taxonomy of the tag tool",
            description = "The sections editors described; while there are none, the sections articles are filed in, each "
                    + "described by its name (written: false).")
    public TaxonomyView list() {
        Taxonomy.Effective effective = taxonomy.effective();
        return new TaxonomyView(effective.written(), effective.sections());
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One section of the taxonomy")
    @APIResponse(responseCode = "200", description = "The section")
    @APIResponse(responseCode = "404", description = "No such section")
    public TaxonomySection get(@PathParam("name") @Pattern(regexp = ContentIds.SECTION_PATTERN) String name) {
        return taxonomy.find(name).orElseThrow(() -> new SectionNotFoundException(name));
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(16 * 1024)
    @Operation(summary = "Describe a section",
            description = "Creates or replaces a section of the taxonomy (at most " + Taxonomy.MAX_SECTIONS + " sections; "
                    + "name a lower-case slug as articles carry it; body 16 KiB). The tag tool uses it from the next request.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Bad name, label or description, or the taxonomy is full")
    public Response put(@PathParam("name") @Pattern(regexp = ContentIds.SECTION_PATTERN) String name,
            @Valid @NotNull SectionDescription section) {
        Taxonomy.Written written = taxonomy.put(name, section.label().strip(), section.description().strip());
        return Response.status(written.created() ? 201 : 200).entity(written.section()).build();
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove a section from the taxonomy", description = "Articles filed in it keep their section.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such section")
    public Response delete(@PathParam("name") @Pattern(regexp = ContentIds.SECTION_PATTERN) String name) {
        if (!taxonomy.delete(name)) {
            throw new SectionNotFoundException(name);
        }
        return Response.noContent().build();
    }
}
