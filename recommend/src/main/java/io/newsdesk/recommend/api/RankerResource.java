package io.newsdesk.recommend.api;

import io.newsdesk.core.jobs.JobService;
import io.newsdesk.recommend.ranker.RankerModel;
import io.newsdesk.recommend.ranker.RankerStore;
import io.newsdesk.recommend.ranker.RankerTrainingJob;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.newsdesk.core.problem.InvalidRequestException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The learned feed ranker: its versions, and training a new one. */
@Path("/api/ranker")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RankerResource {

    private final RankerStore store;
    private final JobService jobs;

    public RankerResource(RankerStore store, JobService jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    @GET
    @Path("models")
    @Operation(summary = "Ranker versions, newest first",
            description = "Each with its validation AUC, the heuristic's and the previous version's AUC on the same data, "
                    + "and whether it was promoted (the newest promoted version orders the feeds).")
    public List<RankerModel> models() {
        return store.list();
    }

    @POST
    @Path("models:train")
    @Operation(summary = "Train a new ranker version",
            description = "Queues a ranker-training job: examples from logged impressions and clicks, features as of each "
                    + "impression, a split by time, early stopping on validation AUC, promotion only if it beats the "
                    + "heuristic and the previous version.")
    @APIResponse(responseCode = "202", description = "The training job")
    public Response train(@QueryParam("since") @Parameter(description = "Learn only from impressions at or after this "
            + "ISO-8601 instant, e.g. 2026-11-01T00:00:00Z; default: the latest 200,000 impressions") String since) {
        String payload = "{}";
        if (since != null) {
            try {
                payload = "{\"since\":\"" + Instant.parse(since) + "\"}";
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("since: not an ISO-8601 instant such as 2026-11-01T00:00:00Z");
            }
        }
        UUID id = jobs.enqueue(RankerTrainingJob.TYPE, payload, null);
        return Response.accepted(jobs.get(id.toString())).location(URI.create("/api/jobs/" + id)).build();
    }
}
