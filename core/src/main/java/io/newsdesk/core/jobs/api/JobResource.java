package io.newsdesk.core.jobs.api;

import io.newsdesk.core.http.QueryValues;
import io.newsdesk.core.jobs.JobPage;
import io.newsdesk.core.jobs.JobService;
import io.newsdesk.core.jobs.JobState;
import io.newsdesk.core.jobs.JobView;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Background jobs: imports, index rebuilds, model training. */
@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Long-running work with progress: imports, index rebuilds, training.")
public class JobResource {

    private final JobService jobs;

    public JobResource(JobService jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "List jobs, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor", content = @Content(mediaType = "application/problem+json"))
    public JobPage list(@QueryParam("state") String state,
            @QueryParam("type") @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a job type such as article-import") String type,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        JobState parsed = QueryValues.parse("state", state, JobState::fromCode,
                "one of queued, running, succeeded, failed, cancelled");
        return jobs.list(parsed, type, limit, cursor);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a job with its progress", description = "progress.etaSeconds estimates the time left at the pace so far.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = "application/problem+json"))
    public JobView get(@PathParam("id") String id) {
        return jobs.get(id);
    }

    @POST
    @Path("{id}:cancel")
    @Operation(summary = "Cancel a job",
            description = "A queued job is cancelled at once (200); a running one is asked to stop at its next check "
                    + "(202, cancelRequested true) and ends in state cancelled.")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "202", description = "Cancellation requested", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Already finished", content = @Content(mediaType = "application/problem+json"))
    public Response cancel(@PathParam("id") String id) {
        JobView job = jobs.cancel(id);
        return Response.status(job.state().isFinal() ? 200 : 202).entity(job).build();
    }
}
