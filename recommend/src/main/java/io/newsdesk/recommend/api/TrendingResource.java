package io.newsdesk.recommend.api;

import io.newsdesk.core.content.ContentIds;
import io.newsdesk.recommend.TrendingService;
import io.newsdesk.recommend.TrendingWindow;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What readers engage with now. */
@Path("/api/trending")
@Tag(name = "Recommendations", description = "Trending, related articles and (soon) personalised feeds.")
public class TrendingResource {

    private final TrendingService trending;

    public TrendingResource(TrendingService trending) {
        this.trending = trending;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trending articles",
            description = "Time-decayed engagement over the window (1h to 30d, default 24h; half-life a quarter of it), "
                    + "site-wide or in one section. Each item says why it is there.")
    @APIResponse(responseCode = "200", description = "Trending items, most popular first")
    @APIResponse(responseCode = "400", description = "Invalid section, window or limit", content = @Content(mediaType = "application/problem+json"))
    public RecommendationPage trending(
            @QueryParam("section") @Pattern(regexp = ContentIds.SECTION_PATTERN, message = "must be a section slug") String section,
            @QueryParam("window") @DefaultValue("24h") String window,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        return new RecommendationPage("trending", trending.trending(section, TrendingWindow.parse(window), limit));
    }
}
