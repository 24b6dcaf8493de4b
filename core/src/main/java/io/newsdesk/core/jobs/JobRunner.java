package io.newsdesk.core.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs queued jobs on a fixed set of worker threads and keeps the queue honest: heartbeats for the jobs it holds,
 * and recovery of jobs whose worker died, at start and periodically.
 *
 * <p>On {@link #close()} it stops claiming, asks running handlers to stop, and hands their jobs back to the queue
 * without counting the attempt.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /**
     * @param workers           jobs that may run at once in this process (1..64)
     * @param pollInterval      how often idle workers look for due jobs
     * @param heartbeatInterval how often the heartbeat of running jobs is written
     * @param staleAfter        a running job whose heartbeat is older than this is taken to be orphaned
     * @param nodeId            this machine (and port): jobs held by an earlier process with this node id are
     *                          recovered at once on start
     * @param progressInterval  least time between two progress writes of one job
     * @param shutdownGrace     how long {@link #close()} waits for handlers to stop
     */
    public record Options(int workers, Duration pollInterval, Duration heartbeatInterval, Duration staleAfter,
            String nodeId, Duration progressInterval, Duration shutdownGrace) {

        public Options {
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException("workers must be in [1, 64], got " + workers);
            }
            if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException("staleAfter (" + staleAfter + ") must be at least twice the heartbeat interval ("
                        + heartbeatInterval + ")");
            }
            if (nodeId == null || nodeId.isBlank() || nodeId.contains("/")) {
                throw new IllegalArgumentException("nodeId must be non-blank without '/', got " + nodeId);
            }
        }
    }

    /** Told about progress and outcomes, for metrics. */
    public interface Observer {

        default void progress(String type, UUID id, long done, long total) {
        }

        default void finished(String type, UUID id, JobState state, Duration took) {
        }
    }

    private final JobStore store;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final Options options;
    private final Observer observer;
    private final String workerId;
    private final Object signal = new Object();
    private final Map<UUID, RunningJob> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private ExecutorService workers;
    private ScheduledExecutorService housekeeping;

    public JobRunner(JobStore store, List<JobHandler> handlers, Options options, Observer observer) {
        this.store = store;
        this.options = options;
        this.observer = observer == null ? new Observer() { } : observer;
        this.workerId = options.nodeId() + "/" + UUID.randomUUID();
        for (JobHandler handler : handlers) {
            JobHandler previous = this.handlers.put(handler.type(), handler);
            if (previous != null) {
                throw new IllegalArgumentException("two handlers for job type " + handler.type());
            }
        }
    }

    public String workerId() {
        return workerId;
    }

    public Set<String> types() {
        return Set.copyOf(handlers.keySet());
    }

    public synchronized void start() {
        if (workers != null) {
            return;
        }
        int recovered = store.recover(options.staleAfter(), options.nodeId() + "/", workerId);
        if (recovered > 0) {
            LOG.infof("recovered %d job(s) left running by a stopped process", recovered);
        }
        AtomicInteger counter = new AtomicInteger();
        workers = Executors.newFixedThreadPool(options.workers(), r -> daemon(r, "newsdesk-job-" + counter.incrementAndGet()));
        for (int i = 0; i < options.workers(); i++) {
            workers.submit(this::workLoop);
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "newsdesk-job-housekeeping"));
        long beat = options.heartbeatInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        long sweep = Math.max(beat, options.staleAfter().toMillis() / 2);
        housekeeping.scheduleWithFixedDelay(this::recoverOrphans, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /**
     * Queues a job for a registered type and wakes an idle worker.
     *
     * @throws IllegalArgumentException when no handler runs {@code type}
     */
    public UUID enqueue(String type, String payloadJson, byte[] input) {
        JobHandler handler = handlers.get(type);
        if (handler == null) {
            throw new IllegalArgumentException("no handler for job type " + type + "; known: " + handlers.keySet());
        }
        UUID id = store.enqueue(type, payloadJson, input, handler.maxAttempts());
        wakeUp();
        return id;
    }

    /** Wakes idle workers, e.g. after a job was queued by someone else. */
    public void wakeUp() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Jobs this process is running now. */
    public int runningCount() {
        return running.size();
    }

    private void workLoop() {
        while (!stopping) {
            Optional<JobStore.Claimed> claimed;
            try {
                claimed = store.claim(workerId, handlers.keySet());
            } catch (RuntimeException e) {
                LOG.warn("cannot claim jobs; retrying", e);
                claimed = Optional.empty();
            }
            if (claimed.isPresent()) {
                run(claimed.get());
            } else {
                synchronized (signal) {
                    if (stopping) {
                        return;
                    }
                    try {
                        signal.wait(options.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private void run(JobStore.Claimed claimed) {
        JobHandler handler = handlers.get(claimed.type());
        RunningJob job = new RunningJob(claimed);
        running.put(claimed.id(), job);
        Instant started = Instant.now();
        JobState outcome = JobState.FAILED;
        try {
            handler.run(job);
            outcome = store.succeed(claimed.id(), workerId, job.resultJson) ? JobState.SUCCEEDED : null;
        } catch (JobCancelledException e) {
            if (e.byShutdown()) {
                store.release(claimed.id(), workerId);
                outcome = JobState.QUEUED;
            } else {
                store.cancelled(claimed.id(), workerId, job.resultJson);
                outcome = JobState.CANCELLED;
            }
        } catch (Throwable t) {
            if (stopping && (t instanceof InterruptedException || Thread.currentThread().isInterrupted())) {
                store.release(claimed.id(), workerId);
                outcome = JobState.QUEUED;
            } else {
                LOG.errorf(t, "job %s (%s) failed on attempt %d", claimed.id(), claimed.type(), claimed.attempt());
                String message = t.getMessage() != null ? t.getMessage() : "unexpected error; see the service log";
                store.failAttempt(claimed.id(), workerId, message, backoff(claimed.attempt()), job.resultJson);
                outcome = JobState.FAILED;
            }
        } finally {
            running.remove(claimed.id());
            Thread.interrupted();
        }
        if (outcome != null) {
            observer.finished(claimed.type(), claimed.id(), outcome, Duration.between(started, Instant.now()));
        }
    }

    private static Duration backoff(int attempt) {
        Duration delay = Duration.ofSeconds(1L << Math.min(attempt, 16));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private void heartbeat() {
        if (running.isEmpty()) {
            return;
        }
        try {
            for (UUID id : store.heartbeat(workerId)) {
                RunningJob job = running.get(id);
                if (job != null) {
                    job.cancelRequested = true;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot write job heartbeats", e);
        }
    }

    private void recoverOrphans() {
        try {
            int recovered = store.recover(options.staleAfter(), options.nodeId() + "/", workerId);
            if (recovered > 0) {
                LOG.infof("recovered %d orphaned job(s)", recovered);
                wakeUp();
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot recover orphaned jobs", e);
        }
    }

    @Override
    public synchronized void close() {
        if (workers == null || stopping) {
            return;
        }
        stopping = true;
        wakeUp();
        housekeeping.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** The context of one claimed job, seen by its handler. */
    private final class RunningJob implements JobContext {

        private final JobStore.Claimed claimed;
        private volatile boolean cancelRequested;
        private String checkpoint;
        private String resultJson;
        private long lastWrite;

        RunningJob(JobStore.Claimed claimed) {
            this.claimed = claimed;
            this.checkpoint = claimed.checkpoint();
        }

        @Override
        public UUID id() {
            return claimed.id();
        }

        @Override
        public int attempt() {
            return claimed.attempt();
        }

        @Override
        public String payload() {
            return claimed.payload();
        }

        @Override
        public byte[] input() {
            return store.input(claimed.id());
        }

        @Override
        public String checkpoint() {
            return checkpoint;
        }

        @Override
        public void saveCheckpoint(String value) {
            checkpoint = value;
            store.saveCheckpoint(claimed.id(), workerId, value);
        }

        @Override
        public void progress(long done, long total, String phase) {
            observer.progress(claimed.type(), claimed.id(), done, total);
            long now = System.nanoTime();
            boolean due = now - lastWrite >= options.progressInterval().toNanos() || (total > 0 && done >= total);
            if (!due) {
                return;
            }
            lastWrite = now;
            store.progress(claimed.id(), workerId, done, total, phase).ifPresentOrElse(
                    cancel -> cancelRequested |= cancel,
                    () -> cancelRequested = true);
        }

        @Override
        public void throwIfCancelled() {
            if (stopping || Thread.currentThread().isInterrupted()) {
                throw new JobCancelledException(true);
            }
            if (cancelRequested) {
                throw new JobCancelledException(false);
            }
        }

        @Override
        public void result(String json) {
            this.resultJson = json;
        }
    }
}
