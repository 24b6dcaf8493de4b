package io.newsdesk.core.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the article index is open and complete: not while it opens, rebuilds, or after a rebuild failed,
 * because searches would then miss articles. Catching up a few recent changes counts as ready.
 */
@Readiness
@ApplicationScoped
public class IndexReadiness implements HealthCheck {

    private final IndexSync sync;

    public IndexReadiness(IndexSync sync) {
        this.sync = sync;
    }

    @Override
    public HealthCheckResponse call() {
        IndexStatus.State state = sync.state();
        var response = HealthCheckResponse.named("article-index").withData("state", state.name().toLowerCase());
        if (state == IndexStatus.State.OPENING) {
            return response.down().build();
        }
        IndexStatus status = sync.status();
        response.withData("documents", status.documents()).withData("pendingChanges", status.pendingChanges());
        if (status.rebuildJobId() != null) {
            response.withData("rebuildJob", status.rebuildJobId());
        }
        boolean up = state == IndexStatus.State.READY || state == IndexStatus.State.CATCHING_UP;
        return response.status(up).build();
    }
}
