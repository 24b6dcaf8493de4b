package io.newsdesk.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every engine learns a planted structure: two groups of users, each engaging with its own half of the catalogue.
 * A user's best unseen item must come from the user's own half. Seeded; the seed is in the message on failure.
 */
class RecommendersTest {

    static final long SEED = 11;

    @Test
    void everyEngineRecommendsFromTheUsersOwnGroup() {
        Random random = new Random(SEED);
        int users = 60;
        int items = 20;
        Interactions.Builder builder = new Interactions.Builder(users, items);
        for (int u = 0; u < users; u++) {
            int offset = u < users / 2 ? 0 : items / 2;
            for (int i = 0; i < items / 2; i++) {
                if (random.nextDouble() < 0.5) {
                    builder.add(u, offset + i);
                }
            }
        }
        Interactions data = builder.build();
        for (Recommender engine : List.of(new ItemKnnRecommender(5), new UserKnnRecommender(10), new EaseRecommender(10),
                new ImplicitAlsRecommender(4, 5, 10, 10, SEED))) {
            engine.fit(data);
            int wrong = 0;
            float[] scores = new float[items];
            for (int u = 0; u < users; u++) {
                engine.score(u, scores);
                boolean[] seen = new boolean[items];
                for (int i : data.itemsOf(u)) {
                    seen[i] = true;
                }
                int[] top = TopK.indices(scores, seen, 1);
                boolean firstGroup = u < users / 2;
                if (top.length == 1 && (top[0] < items / 2) != firstGroup) {
                    wrong++;
                }
            }
            assertThat(wrong).as(engine.name() + " (seed " + SEED + ")").isLessThanOrEqualTo(users / 20);
        }
    }

    @Test
    void easeWeightsHaveAZeroDiagonalSoAnItemNeverRecommendsItself() {
        Interactions data = new Interactions.Builder(3, 3).add(0, 0).add(0, 1).add(1, 0).add(1, 1).add(2, 2).build();
        EaseRecommender ease = new EaseRecommender(1);
        ease.fit(data);
        float[] scores = new float[3];
        ease.score(2, scores);
        assertThat(scores[2]).isZero();
    }

    @Test
    void easeScoresFromAWeightedHistoryAreTheWeightedSumOfEachItemsScores() {
        Interactions data = new Interactions.Builder(4, 4).add(0, 0).add(0, 1).add(1, 1).add(1, 2).add(2, 2).add(2, 3)
                .add(3, 0).add(3, 3).build();
        EaseRecommender ease = new EaseRecommender(1);
        ease.fit(data);
        float[] first = new float[4];
        ease.scoreFrom(new int[] {0}, first);
        float[] second = new float[4];
        ease.scoreFrom(new int[] {2}, second);
        float[] weighted = new float[4];
        ease.scoreFrom(new int[] {0, 2}, new float[] {3f, 0.5f}, weighted);
        for (int j = 0; j < 4; j++) {
            assertThat(weighted[j]).as("item " + j).isCloseTo(3 * first[j] + 0.5f * second[j], within(1e-6f));
        }
        float[] unweighted = new float[4];
        ease.scoreFrom(new int[] {0, 2}, unweighted);
        assertThat(weighted).isNotEqualTo(unweighted);
    }

    @Test
    void topKReturnsTheBestFirstSkippingExcludedAndBreakingTiesByIndex() {
        float[] scores = {0.5f, 0.9f, 0.9f, 0.1f, 0.7f};
        assertThat(TopK.indices(scores, null, 3)).containsExactly(1, 2, 4);
        assertThat(TopK.indices(scores, new boolean[] {false, true, false, false, false}, 2)).containsExactly(2, 4);
        assertThat(TopK.indices(scores, null, 10)).hasSize(5);
    }

    @Test
    void aBlendWithOneWeightRanksLikeThatEngineAndWeightsChangeWithoutRefitting() {
        Interactions data = new Interactions.Builder(4, 6)
                .add(0, 0).add(0, 1).add(1, 0).add(1, 2).add(2, 0).add(2, 1).add(2, 3).add(3, 4).add(3, 5).build();
        MostPopularRecommender popular = new MostPopularRecommender();
        ItemKnnRecommender knn = new ItemKnnRecommender(3);
        BlendRecommender blend = new BlendRecommender(List.of(popular, knn), new double[] {1, 0});
        blend.fit(data);
        float[] blended = new float[6];
        float[] alone = new float[6];
        boolean[] seen = {true, true, false, false, false, false};
        blend.score(0, blended);
        popular.score(0, alone);
        assertThat(TopK.indices(blended, seen, 4)).containsExactly(TopK.indices(alone, seen, 4));
        blend.withWeights(new double[] {0, 1}).score(0, blended);
        knn.score(0, alone);
        assertThat(TopK.indices(blended, seen, 4)).containsExactly(TopK.indices(alone, seen, 4));
        assertThat(blend.name()).contains("most-popular").contains("item-knn");
        assertThatThrownBy(() -> new BlendRecommender(List.of(popular), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enginesRefuseNonsenseParameters() {
        assertThatThrownBy(() -> new EaseRecommender(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> new ItemKnnRecommender(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImplicitAlsRecommender(0, 1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
