package io.newsdesk.recommend.api;

import io.newsdesk.core.content.ContentIds;
import io.newsdesk.recommend.RelatedService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Articles to show under an article. */
@Path("/api/articles/{id}/related")
@Tag(name = "Recommendations")
public class RelatedResource {

    private final RelatedService related;

    public RelatedResource(RelatedService related) {
        this.related = related;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Related articles",
            description = "Nearest articles by meaning (document vectors) fused with what this article's readers also "
                    + "read; a new article has related items before anyone has read it. Each item says why.")
    @APIResponse(responseCode = "200", description = "Related items, best first")
    @APIResponse(responseCode = "404", description = "No such article", content = @Content(mediaType = "application/problem+json"))
    public RecommendationPage related(@PathParam("id") String id,
            @QueryParam("section") @Pattern(regexp = ContentIds.SECTION_PATTERN, message = "must be a section slug") String section,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(50) int limit) {
        return new RecommendationPage("related", related.related(id, section, limit));
    }
}
