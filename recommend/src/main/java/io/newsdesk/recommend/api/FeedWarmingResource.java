package io.newsdesk.recommend.api;

import io.newsdesk.recommend.feed.FeedWarmer;
import io.newsdesk.recommend.feed.FeedWarming;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Computing readers' feeds ahead of their visits. */
@Path("/api")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class FeedWarmingResource {

    private final FeedWarmer warmer;

    public FeedWarmingResource(FeedWarmer warmer) {
        this.warmer = warmer;
    }

    @GET
    @Path("feed-warming")
    @Operation(summary = "The latest warming sweep",
            description = "How far the latest sweep that computes recently active readers' feeds ahead of their visits has got.")
    @APIResponse(responseCode = "200", description = "The latest sweep; all counts zero when none has run")
    public FeedWarming status() {
        return warmer.status();
    }

    @POST
    @Path("feed-warming:start")
    @Operation(summary = "Start a warming sweep",
            description = "Computes, in the background, the feeds of readers active within newsdesk.recommend.feed.warm-window "
                    + "(most recent first, up to snapshot-readers) whose kept feed would not outlive the next sweep; once "
                    + "the feeds of snapshot-readers readers are kept, only readers who have some (noRoom counts the others). "
                    + "A sweep already running is left to finish and returned.")
    @APIResponse(responseCode = "202", description = "The sweep that is running")
    public Response start() {
        return Response.accepted(warmer.start()).build();
    }
}
