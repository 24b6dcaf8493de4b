package io.newsdesk.core.index.api;

import io.newsdesk.core.index.IndexStatus;
import io.newsdesk.core.index.IndexSync;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The article index for administrators: how it stands. */
@Path("/api/index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class IndexResource {

    private final IndexSync sync;

    public IndexResource(IndexSync sync) {
        this.sync = sync;
    }

    @GET
    @Operation(summary = "Index status", description = "Documents, articles in the database, changes waiting, last commit.")
    public IndexStatus status() {
        return sync.status();
    }
}
