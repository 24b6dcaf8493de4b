package io.newsdesk.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsdesk.recommend.engine.Interactions;
import io.newsdesk.recommend.engine.MostPopularRecommender;
import org.junit.jupiter.api.Test;

/** The metrics reproduce values worked out by hand on a tiny example. */
class EvaluatorTest {

    @Test
    void reproducesHandComputedMetrics() {
        // popularity: item0 = 4 users, item1 = 3, item2 = 2, item3 = 1, item4 = 0
        Interactions train = new Interactions.Builder(4, 5)
                .add(0, 0)
                .add(1, 0).add(1, 1)
                .add(2, 0).add(2, 1).add(2, 2)
                .add(3, 0).add(3, 1).add(3, 2).add(3, 3)
                .build();
        Interactions test = new Interactions.Builder(4, 5).add(0, 2).add(0, 4).add(1, 4).build();
        MostPopularRecommender popular = new MostPopularRecommender();
        popular.fit(train);

        Metrics m = Evaluator.evaluate(popular, train, test, 3);

        // user 0 sees [1, 2, 3]: one of two targets at rank 2 -> recall 1/2, NDCG (1/log2 3) / (1 + 1/log2 3), RR 1/2
        // user 1 sees [2, 3, 4]: its one target at rank 3 -> recall 1, NDCG 1/log2 4 = 0.5, RR 1/3
        double ndcgUser0 = (1 / log2(3)) / (1 + 1 / log2(3));
        assertThat(m.users()).isEqualTo(2);
        assertThat(m.recall()).isCloseTo((0.5 + 1.0) / 2, within(1e-12));
        assertThat(m.ndcg()).isCloseTo((ndcgUser0 + 0.5) / 2, within(1e-12));
        assertThat(m.hit()).isCloseTo(1.0, within(1e-12));
        assertThat(m.mrr()).isCloseTo((0.5 + 1.0 / 3) / 2, within(1e-12));
        assertThat(m.coverage()).isCloseTo(4.0 / 5, within(1e-12));
    }

    @Test
    void aListWithoutHitsScoresZero() {
        Interactions train = new Interactions.Builder(2, 3).add(0, 0).add(1, 0).add(1, 1).build();
        Interactions test = new Interactions.Builder(2, 3).add(0, 2).build();
        MostPopularRecommender popular = new MostPopularRecommender();
        popular.fit(train);
        Metrics m = Evaluator.evaluate(popular, train, test, 1);
        assertThat(m.ndcg()).isZero();
        assertThat(m.hit()).isZero();
        assertThat(m.mrr()).isZero();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
