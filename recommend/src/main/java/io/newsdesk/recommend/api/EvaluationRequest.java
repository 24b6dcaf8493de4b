package io.newsdesk.recommend.api;

import io.newsdesk.recommend.eval.EvaluationSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to evaluate; every field may be left out. */
public record EvaluationRequest(
        @Pattern(regexp = "random|temporal") @Schema(description = "random (per reader, 10% validation and 10% test "
                + "drawn at random; the default) or temporal (each reader's latest engagement is the test item)") String protocol,
        @Min(1) @Max(EvaluationSettings.MAX_SEEDS) @Schema(description = "Splits to average over, 1-5 (default 5)") Integer seeds,
        @Min(1) @Max(EvaluationSettings.MAX_DAYS) @Schema(description = "Days of engagement, 1-365 (default 90)") Integer days,
        @DecimalMin("0.5") @DecimalMax("10") @Schema(description = "Weakest engagement that counts as a positive, 0.5-10 "
                + "(default 1: any click; 2 a read, 3 a like, 4 a share)") Double minStrength,
        @Min(10) @Max(EvaluationSettings.MAX_ITEMS) @Schema(description = "The most engaged articles kept, 10-5000 (default "
                + "2000)") Integer maxItems,
        @Min(10) @Max(EvaluationSettings.MAX_READERS) @Schema(description = "Readers drawn at random when there are more, "
                + "first among those with three or more positives (the ones a split can test), 10-5000 (default 5000)") Integer maxReaders,
        @Schema(description = "Also evaluate the two-stage pipeline with its DJL rankers (default true)") Boolean pipeline) {

    EvaluationSettings settings() {
        return new EvaluationSettings(protocol == null ? "random" : protocol, seeds == null ? EvaluationSettings.MAX_SEEDS : seeds,
                days == null ? 90 : days, minStrength == null ? 1 : minStrength, maxItems == null ? 2000 : maxItems,
                maxReaders == null ? EvaluationSettings.MAX_READERS : maxReaders, pipeline == null || pipeline);
    }
}
