package io.newsdesk.recommend.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ListNdcgTest {

    @Test
    void reproducesHandComputedValues() {
        float[] labels = {0, 1, 0, 1};
        // order by score: c0, c1, c2, c3; engaged at ranks 2 and 4 -> (1/log2 3 + 1/log2 5) / (1 + 1/log2 3)
        double expected = (1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3));
        assertThat(ListNdcg.of(new float[] {4, 3, 2, 1}, labels, 10)).isCloseTo(expected, within(1e-9));
        assertThat(ListNdcg.of(new float[] {1, 4, 2, 3}, labels, 10)).as("both engaged on top").isCloseTo(1.0, within(1e-9));
        assertThat(ListNdcg.of(new float[] {4, 3, 2, 1}, labels, 1)).as("cut off after the first").isZero();
        assertThat(ListNdcg.of(new float[] {4, 3}, new float[] {0, 0}, 10)).as("nothing engaged").isZero();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
