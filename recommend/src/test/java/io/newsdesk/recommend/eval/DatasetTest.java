package io.newsdesk.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {

    private final Dataset data = new Dataset(List.of(
            new Interaction("ann", "film-a", 3, 10),
            new Interaction("ann", "film-b", 5, 20),
            new Interaction("ann", "film-c", 2, 30),
            new Interaction("bob", "film-b", 4, 40)), 3);

    @Test
    void keepsOnlyInteractionsAtOrAboveTheThresholdNumberedInOrderOfFirstAppearance() {
        assertThat(data.users()).isEqualTo(2);
        assertThat(data.items()).isEqualTo(2);
        assertThat(data.itemKey(0)).isEqualTo("film-a");
        assertThat(data.positivesOf(0)).extracting(Dataset.Positive::item).containsExactly(0, 1);
        assertThat(data.positivesOf(1)).extracting(Dataset.Positive::item).containsExactly(1);
        assertThat(data.timeOf(0, 1)).isEqualTo(20);
    }

    @Test
    void strengthAboveTheThresholdCountsTheThresholdAsOneAndNonPositivesAsZero() {
        assertThat(data.strengthAboveThreshold(0, 0)).isEqualTo(1);
        assertThat(data.strengthAboveThreshold(0, 1)).isEqualTo(3);
        assertThat(data.strengthAboveThreshold(1, 1)).isEqualTo(2);
        assertThat(data.strengthAboveThreshold(1, 0)).isZero();
    }
}
