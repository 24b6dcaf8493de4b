package io.newsdesk.core.jobs;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a job is in its life: queued, running, then one of the three final states. */
public enum JobState {
    @JsonProperty("queued") QUEUED("queued"),
    @JsonProperty("running") RUNNING("running"),
    @JsonProperty("succeeded") SUCCEEDED("succeeded"),
    @JsonProperty("failed") FAILED("failed"),
    @JsonProperty("cancelled") CANCELLED("cancelled");

    private final String code;

    JobState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static JobState fromCode(String code) {
        for (JobState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown job state: " + code);
    }

    @Override
    public String toString() {
        return code;
    }
}
