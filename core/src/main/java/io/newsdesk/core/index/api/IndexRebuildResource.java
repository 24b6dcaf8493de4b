package io.newsdesk.core.index.api;

import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.jobs.JobService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A full rebuild of the article index, for administrators. */
@Path("/api/index:rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class IndexRebuildResource {

    private final IndexSync sync;
    private final JobService jobs;

    public IndexRebuildResource(IndexSync sync, JobService jobs) {
        this.sync = sync;
        this.jobs = jobs;
    }

    @POST
    @Operation(summary = "Rebuild the index from PostgreSQL",
            description = "Queues an index-rebuild job (or returns the one already queued or running). Cached "
                    + "document vectors are reused, so only changed articles are embedded again.")
    @APIResponse(responseCode = "202", description = "The rebuild job")
    public Response rebuild() {
        String id = sync.requestRebuild();
        return Response.accepted(jobs.get(id)).location(URI.create("/api/jobs/" + id)).build();
    }
}
