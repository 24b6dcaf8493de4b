package io.newsdesk.core.jobs;

/** Thrown inside a handler to stop a job that was cancelled or whose service is shutting down. */
public class JobCancelledException extends RuntimeException {

    private final boolean byShutdown;

    JobCancelledException(boolean byShutdown) {
        super(byShutdown ? "the service is shutting down" : "cancelled on request");
        this.byShutdown = byShutdown;
    }

    boolean byShutdown() {
        return byShutdown;
    }
}
