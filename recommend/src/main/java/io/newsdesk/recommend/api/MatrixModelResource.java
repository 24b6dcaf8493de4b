package io.newsdesk.recommend.api;

import io.newsdesk.recommend.matrix.MatrixModelInfo;
import io.newsdesk.recommend.matrix.MatrixModelStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The collaborative matrix model behind the {@code matrix-model} feed source. */
@Path("/api/matrix-model")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class MatrixModelResource {

    private final MatrixModelStore store;

    public MatrixModelResource(MatrixModelStore store) {
        this.store = store;
    }

    @GET
    @Operation(summary = "The served matrix model version")
    @APIResponse(responseCode = "200", description = "The newest version")
    @APIResponse(responseCode = "404", description = "None trained yet", content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/problem+json"))
    public MatrixModelInfo latest() {
        return store.latestInfo().orElseThrow(() -> new ProblemNotTrained());
    }

    /** No matrix model has been trained yet. */
    static final class ProblemNotTrained extends io.newsdesk.core.problem.ProblemException {

        ProblemNotTrained() {
            super("matrix-model-not-trained", "Matrix model not trained", 404,
                    "no matrix model has been trained yet; POST /api/matrix-model:train");
        }
    }
}
