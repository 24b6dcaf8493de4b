package io.newsdesk.recommend.api;

import io.newsdesk.core.jobs.JobService;
import io.newsdesk.recommend.matrix.MatrixModelJob;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Retraining the collaborative matrix model. */
@Path("/api/matrix-model:train")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class MatrixModelTrainingResource {

    private final JobService jobs;

    public MatrixModelTrainingResource(JobService jobs) {
        this.jobs = jobs;
    }

    @POST
    @Operation(summary = "Retrain the matrix model",
            description = "Queues a matrix-model-training job: implicit ALS (32 factors) on the last 90 days of engagement.")
    @APIResponse(responseCode = "202", description = "The training job")
    public Response train() {
        UUID id = jobs.enqueue(MatrixModelJob.TYPE, "{}", null);
        return Response.accepted(jobs.get(id.toString())).location(URI.create("/api/jobs/" + id)).build();
    }
}
