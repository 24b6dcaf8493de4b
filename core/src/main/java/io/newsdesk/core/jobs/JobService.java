package io.newsdesk.core.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The job queue as the rest of the service uses it: enqueue, look up, list and cancel jobs. Starts the workers
 * with every {@link JobHandler} bean once the database is migrated, and publishes job metrics
 * ({@code newsdesk_jobs_finished_total{type,state}}, {@code newsdesk_job_progress_ratio{type}},
 * {@code newsdesk_jobs_running}).
 */
@ApplicationScoped
public class JobService {

    /** After the database bootstrap, before the index (which may queue a rebuild). */
    public static final int STARTUP_PRIORITY = 30;

    private final JobStore store;
    private final JobRunner runner;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> progressPerMille = new ConcurrentHashMap<>();

    public JobService(DataSource dataSource, Instance<JobHandler> handlers, JobsConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.store = new JobStore(dataSource);
        this.registry = registry;
        var options = new JobRunner.Options(config.workers(), config.pollInterval(), config.heartbeatInterval(),
                config.staleAfter(), config.nodeId().orElseGet(() -> hostName() + ":" + httpPort), Duration.ofMillis(500),
                config.shutdownGrace());
        this.runner = new JobRunner(store, handlers.stream().toList(), options, new MetricsObserver());
        Gauge.builder("newsdesk.jobs.running", runner, JobRunner::runningCount)
                .description("Jobs running in this process").register(registry);
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        runner.start();
    }

    void onStop(@Observes @Priority(10) ShutdownEvent event) {
        runner.close();
    }

    public UUID enqueue(String type, String payloadJson, byte[] input) {
        return runner.enqueue(type, payloadJson, input);
    }

    public Optional<JobView> find(UUID id) {
        return store.find(id);
    }

    public JobView get(String id) {
        return find(parse(id)).orElseThrow(() -> new JobNotFoundException(id));
    }

    public JobPage list(JobState state, String type, int limit, String cursor) {
        return store.list(state, type, limit, cursor);
    }

    /** A queued or running job of {@code type}, if there is one. */
    public Optional<JobView> pending(String type) {
        return store.list(JobState.RUNNING, type, 1, null).items().stream().findFirst()
                .or(() -> store.list(JobState.QUEUED, type, 1, null).items().stream().findFirst());
    }

    /**
     * Cancels a queued job at once, or asks a running one to stop at its next check.
     *
     * @throws JobNotFoundException        when there is no such job
     * @throws JobAlreadyFinishedException when it already finished
     */
    public JobView cancel(String id) {
        UUID uuid = parse(id);
        JobView before = store.find(uuid).orElseThrow(() -> new JobNotFoundException(id));
        if (before.state().isFinal()) {
            throw new JobAlreadyFinishedException(before);
        }
        return store.requestCancel(uuid).orElseThrow(() -> new JobNotFoundException(id));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new JobNotFoundException(id);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private final class MetricsObserver implements JobRunner.Observer {

        @Override
        public void progress(String type, UUID id, long done, long total) {
            AtomicLong value = progressPerMille.computeIfAbsent(type, t -> {
                AtomicLong holder = new AtomicLong();
                Gauge.builder("newsdesk.job.progress", holder, h -> h.get() / 1000.0)
                        .description("Progress of the latest running job of this type, 0 to 1")
                        .baseUnit("ratio").tag("type", t).register(registry);
                return holder;
            });
            value.set(total > 0 ? Math.min(1000, done * 1000 / total) : 0);
        }

        @Override
        public void finished(String type, UUID id, JobState state, Duration took) {
            Counter.builder("newsdesk.jobs.finished").tag("type", type).tag("state", state.code())
                    .register(registry).increment();
            Timer.builder("newsdesk.job.duration").tag("type", type).register(registry).record(took);
            if (state == JobState.SUCCEEDED) {
                progressPerMille.computeIfPresent(type, (t, v) -> {
                    v.set(1000);
                    return v;
                });
            }
        }
    }
}
