package io.newsdesk.recommend.feed;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A background thread that computes kept feeds ahead of requests ({@link FeedRefresher} and {@link FeedWarmer} have
 * one each, so that a backlog of refreshes cannot starve warming or the other way round). After each task it rests
 * in proportion to the task's work, so that it takes at most {@code cpuShare} of one core from serving.
 */
final class FeedWorker {

    private static final Logger LOG = Logger.getLogger(FeedWorker.class);

    private final double cpuShare;
    private final ScheduledExecutorService thread;

    FeedWorker(String name, double cpuShare) {
        this.cpuShare = cpuShare;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
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

    /** Stops the thread, letting a task in flight finish for a few seconds. */
    void stop() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
