package io.newsdesk.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    @Test
    void scoresAreWeightedReciprocalRanksSummedOverLists() {
        // doc 7 is 1st in list A and 3rd in B; doc 5 is 2nd in A only; doc 9 is 1st in B only
        var fused = ReciprocalRankFusion.fuse(List.of(List.of(7, 5), List.of(9, 4, 7)), new double[] {1.0, 2.0}, 10);
        assertThat(fused).extracting(ReciprocalRankFusion.Fused::key).containsExactly(7, 9, 4, 5);
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 11 + 2.0 / 13, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(2.0 / 11, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(2.0 / 12, within(1e-12));
        assertThat(fused.get(3).score()).isCloseTo(1.0 / 12, within(1e-12));
        assertThat(fused.get(0).ranks()).containsExactly(1, 3);
        assertThat(fused.get(3).ranks()).containsExactly(2, 0);
    }

    @Test
    void tiesKeepTheOrderDocumentsWereFirstMet() {
        var fused = ReciprocalRankFusion.fuse(List.of(List.of("a"), List.of("b")), new double[] {1, 1}, 60);
        assertThat(fused).extracting(ReciprocalRankFusion.Fused::key).containsExactly("a", "b");
    }

    @Test
    void emptyListsFuseToNothing() {
        assertThat(ReciprocalRankFusion.fuse(List.of(List.of(), List.of()), new double[] {1, 1}, 60)).isEmpty();
    }
}
