package io.newsdesk.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.testing.SharedData;
import io.newsdesk.recommend.engine.EaseRecommender;
import io.newsdesk.recommend.engine.ItemKnnRecommender;
import io.newsdesk.recommend.engine.MostPopularRecommender;
import io.newsdesk.recommend.engine.Recommender;
import io.newsdesk.recommend.engine.UserKnnRecommender;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our baselines land where the published reference puts them on MovieLens-100k (random split, refit on train +
 * validation, seed 0): most popular 0.130, user-kNN 0.268, item-kNN 0.272, EASE 0.312 NDCG@10, seed spread about
 * 0.005. A different random split moves single-seed figures by about that much, hence the tolerance.
 */
class MovieLensReferenceTest {

    static Split split;
    static Dataset data;

    @BeforeAll
    static void load() throws Exception {
        Path file = SharedData.require("data/movielens-100k/u.data");
        data = new Dataset(InteractionFiles.read(file), 3);
        split = Protocols.randomSplit(data, 0);
    }

    @Test
    void datasetHasTheKnownShape() {
        assertThat(data.users()).isEqualTo(943);
        assertThat(data.items()).as("items with at least one rating >= 3").isEqualTo(1574);
    }

    @Test
    void baselinesReproduceTheReferenceTable() {
        assertThat(ndcg(new MostPopularRecommender())).isBetween(0.11, 0.15);
        assertThat(ndcg(new UserKnnRecommender(100))).isBetween(0.25, 0.29);
        assertThat(ndcg(new ItemKnnRecommender(200))).isBetween(0.25, 0.29);
        assertThat(ndcg(new EaseRecommender(250))).isBetween(0.29, 0.335);
    }

    private static double ndcg(Recommender recommender) {
        var seen = split.train().plus(split.valid());
        recommender.fit(seen);
        return Evaluator.evaluate(recommender, seen, split.test(), 10).ndcg();
    }
}
