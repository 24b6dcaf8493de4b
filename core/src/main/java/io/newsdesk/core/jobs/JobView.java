package io.newsdesk.core.jobs;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A job as the API shows it, with progress and an estimate of the time left. */
@Schema(description = "A background job with its progress.")
public record JobView(
        UUID id,
        String type,
        JobState state,
        Progress progress,
        int attempts,
        int maxAttempts,
        boolean cancelRequested,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        @JsonRawValue @Schema(implementation = Object.class, description = "Job-specific JSON input.") String payload,
        @JsonRawValue @Schema(implementation = Object.class, description = "Job-specific JSON outcome.") String result) {

    /**
     * @param done       units finished
     * @param total      units in all (0 when not known yet)
     * @param percent    done as a share of total, 0-100, or null
     * @param phase      what the job is doing now
     * @param etaSeconds estimated seconds left at the pace so far, or null
     */
    public record Progress(long done, long total, Double percent, String phase, Long etaSeconds) {

        static Progress of(long done, long total, String phase, Instant startedAt, Instant progressAt, boolean running) {
            Double percent = total > 0 ? Math.min(100.0, Math.round(1000.0 * done / total) / 10.0) : null;
            Long eta = null;
            if (running && startedAt != null && progressAt != null && done > 0 && total > done) {
                double secondsPerUnit = Duration.between(startedAt, progressAt).toMillis() / 1000.0 / done;
                double left = secondsPerUnit * (total - done) - Duration.between(progressAt, Instant.now()).toMillis() / 1000.0;
                eta = Math.max(0L, Math.round(left));
            }
            return new Progress(done, total, percent, phase, eta);
        }
    }
}
