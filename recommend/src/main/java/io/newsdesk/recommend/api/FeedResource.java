package io.newsdesk.recommend.api;

import io.newsdesk.core.content.ContentIds;
import io.newsdesk.recommend.feed.FeedPage;
import io.newsdesk.recommend.feed.FeedService;
import io.newsdesk.recommend.feed.ReaderProfile;
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

/** A reader's personalised feed and profile. */
@Path("/api/readers/{id}")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final FeedService feeds;

    public FeedResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("feed")
    @Operation(summary = "A reader's personalised feed",
            description = "Candidates from the reader's interest clusters (vectors), what readers of their articles also "
                    + "read, trending and fresh articles; fused, filtered (already read, hidden), boosted when fresh and "
                    + "diversified. Every item says why it is there. A reader with no history gets a cold-start feed of "
                    + "popular and fresh articles and the sections they follow. Up to 100 items, paged by cursor. A computed "
                    + "feed is kept for the reader's later pages and visits (30 minutes by default; computedAt says when "
                    + "it was computed), and recently active readers' feeds are computed ahead of their visits. What they "
                    + "read or hide since leaves it at once, articles that arrived since and match their sections or "
                    + "interests join its first page, and it is computed again in the background shortly after their events.")
    @APIResponse(responseCode = "200", description = "A page of the feed")
    @APIResponse(responseCode = "400", description = "Invalid id, section, limit or cursor", content = @Content(mediaType = "application/problem+json"))
    public FeedPage feed(@PathParam("id") String id,
            @QueryParam("section") @Pattern(regexp = ContentIds.SECTION_PATTERN, message = "must be a section slug") String section,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        return feeds.feed(id, section, limit, cursor);
    }

    @GET
    @Path("profile")
    @Operation(summary = "What the recommender believes a reader likes",
            description = "Sections by share of the reader's time-decayed engagement, followed sections, and interest "
                    + "clusters named by their most engaged article.")
    @APIResponse(responseCode = "200", description = "The profile")
    @APIResponse(responseCode = "404", description = "No events were ever recorded for this reader", content = @Content(mediaType = "application/problem+json"))
    public ReaderProfile profile(@PathParam("id") String id) {
        return feeds.profile(id);
    }
}
