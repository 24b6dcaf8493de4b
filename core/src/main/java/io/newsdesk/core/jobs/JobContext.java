package io.newsdesk.core.jobs;

import java.util.UUID;

/** What a running job sees of itself. */
public interface JobContext {

    UUID id();

    /** 1 on the first run, more when the job is retried. */
    int attempt();

    /** The JSON payload the job was enqueued with. */
    String payload();

    /** The bulk input stored with the job (an uploaded file), or an empty array. */
    byte[] input();

    /** What {@link #saveCheckpoint} last stored, on this attempt or an earlier one; null if nothing. */
    String checkpoint();

    /** Stores a resume point now, so that a retry after a crash can skip finished work. */
    void saveCheckpoint(String checkpoint);

    /** Reports progress; cheap to call often (writes are throttled). */
    void progress(long done, long total, String phase);

    /** Throws {@link JobCancelledException} when cancellation was requested or the service is stopping. */
    void throwIfCancelled();

    /** Sets the JSON result shown with the finished job. */
    void result(String json);
}
