package io.newsdesk.recommend.feed;

import io.newsdesk.recommend.RecommendConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The one background thread that computes kept feeds ahead of requests ({@link FeedRefresher}, {@link FeedWarmer}).
 * After each task it rests in proportion to the task's work, so that background feeds take at most
 * {@code newsdesk.recommend.feed.refresh-cpu-share} of one core from serving. Tasks run in the order they become
 * due, so work queued in small steps lets a due refresh in between.
 */
@ApplicationScoped
public class FeedWorker {

    private static final Logger LOG = Logger.getLogger(FeedWorker.class);

    private final double cpuShare;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsdesk-feed-worker");
        t.setDaemon(true);
        return t;
    });

    public FeedWorker(RecommendConfig config) {
        this.cpuShare = config.feed().refreshCpuShare();
    }

    /** Runs {@code task} after {@code delay}; false when the worker has stopped. */
    boolean schedule(Runnable task, Duration delay) {
        try {
            thread.schedule(() -> runAndRest(task), delay.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    private void runAndRest(Runnable task) {
        long started = System.nanoTime();
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "background feed work failed");
        }
        long busy = System.nanoTime() - started;
        try {
            TimeUnit.NANOSECONDS.sleep((long) (busy * (1 / cpuShare - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Before the index closes (its priority is 20): a feed computed in flight would find it closed. */
    void onStop(@Observes @Priority(5) ShutdownEvent event) throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
