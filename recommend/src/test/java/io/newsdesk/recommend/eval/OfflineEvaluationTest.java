package io.newsdesk.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineEvaluationTest {

    @Test
    void aPairedGapIsTheMeanAndSampleDeviationOfTheSeedBySeedDifferences() {
        // seeds that differ a lot between themselves, a model steadily a little above its reference
        OfflineEvaluation.Stat model = OfflineEvaluation.Stat.of(List.of(0.33, 0.30, 0.36, 0.31));
        OfflineEvaluation.Stat reference = OfflineEvaluation.Stat.of(List.of(0.32, 0.28, 0.35, 0.315));
        OfflineEvaluation.PairedGap gap = OfflineEvaluation.pairedGap(model, reference);
        // differences 0.01, 0.02, 0.01, -0.005: mean 0.00875, squared deviations sum 0.00031875 over 3
        assertThat(gap.gap().mean()).isCloseTo(0.00875, within(1e-12));
        assertThat(gap.gap().std()).isCloseTo(Math.sqrt(0.00031875 / 3), within(1e-12));
        assertThat(gap.higher()).isEqualTo(3);
        assertThat(gap.seeds()).isEqualTo(4);
        assertThat(gap.gap().std()).as("paired, the seeds' own spread drops out").isLessThan(model.std());
    }

    @Test
    void aPairedGapNeedsTheSameSeeds() {
        assertThatThrownBy(() -> OfflineEvaluation.pairedGap(OfflineEvaluation.Stat.of(List.of(0.3, 0.31)),
                OfflineEvaluation.Stat.of(List.of(0.3)))).isInstanceOf(IllegalArgumentException.class);
    }
}
