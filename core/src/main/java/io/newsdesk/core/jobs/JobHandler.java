package io.newsdesk.core.jobs;

/**
 * Runs one type of job. A handler reports progress through its context, calls
 * {@link JobContext#throwIfCancelled()} between units of work, and is safe to run again from its last checkpoint:
 * a job whose process died is retried.
 */
public interface JobHandler {

    /** The job type this handler runs, e.g. {@code article-import}. */
    String type();

    /** Does the work; returning normally marks the job succeeded, throwing marks the attempt failed. */
    void run(JobContext context) throws Exception;

    /** How many attempts a job of this type gets before it is marked failed. */
    default int maxAttempts() {
        return 3;
    }
}
