package io.newsdesk.core.jobs;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code newsdesk.jobs.*}: the background job workers of this process. */
@ConfigMapping(prefix = "newsdesk.jobs")
public interface JobsConfig {

    /** Jobs this process runs at once. */
    @WithDefault("2")
    int workers();

    @WithDefault("1s")
    Duration pollInterval();

    @WithDefault("5s")
    Duration heartbeatInterval();

    /** A running job without a heartbeat for this long is queued again. */
    @WithDefault("30s")
    Duration staleAfter();

    /** This machine's name among the processes sharing the database; defaults to host name and HTTP port. */
    Optional<String> nodeId();

    @WithDefault("10s")
    Duration shutdownGrace();
}
