package io.newsdesk.core.index;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Where the index stands.
 *
 * @param state              opening, catching-up, rebuilding, ready or failed
 * @param documents          live documents in the index
 * @param articles           articles in PostgreSQL
 * @param pendingChanges     article changes waiting to be indexed
 * @param committedChangeSeq the content change sequence number the last commit covers
 * @param lastCommitAt       when the index was last committed
 * @param rebuildJobId       the running or queued rebuild job, if any
 */
public record IndexStatus(State state, int documents, long articles, int pendingChanges, long committedChangeSeq,
        Instant lastCommitAt, String vectorFormat, String embedder, String rebuildJobId) {

    /** The index's life cycle. */
    public enum State {
        @JsonProperty("opening") OPENING,
        @JsonProperty("catching-up") CATCHING_UP,
        @JsonProperty("rebuilding") REBUILDING,
        @JsonProperty("ready") READY,
        @JsonProperty("failed") FAILED
    }
}
