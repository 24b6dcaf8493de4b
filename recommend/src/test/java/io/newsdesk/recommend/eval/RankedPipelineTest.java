package io.newsdesk.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.recommend.engine.EaseRecommender;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The two-stage pipeline learns what the whole-history models cannot see: on a planted log where readers follow
 * series episode by episode, switching series over time, the next item is the next episode of the series read
 * last. EASE scores the next episode of every series a reader started alike; the ranker, with the latest items and
 * the engagement times among its features, must put the right one first.
 */
class RankedPipelineTest {

    static final int SERIES = 30;
    static final int EPISODES = 8;

    @Test
    void rankerLearnsWhichSeriesTheReaderIsFollowingNow() {
        Dataset data = new Dataset(plantedLog(new Random(11), 500), 0.5);
        Split split = Protocols.leaveLastOut(data, 0);
        var seen = split.train().plus(split.valid());

        EaseRecommender ease = new EaseRecommender(50);
        ease.fit(seen);
        double easeNdcg = Evaluator.evaluate(ease, seen, split.test(), 10).ndcg();

        try (RankedPipeline pipeline = new RankedPipeline(data, RankedPipeline.defaultOptions(), 0)) {
            pipeline.trainRanker(RankerFolds.of(split, data, 1));
            pipeline.fit(seen);
            double pipelineNdcg = Evaluator.evaluate(pipeline, seen, split.test(), 10).ndcg();
            assertThat(pipelineNdcg).as("pipeline NDCG@10 against EASE's %.3f", easeNdcg).isGreaterThan(easeNdcg + 0.1);
        }
    }

    @Test
    void everyCandidateHasOneValuePerNamedFeature() {
        Dataset data = new Dataset(plantedLog(new Random(3), 120), 0.5);
        Split split = Protocols.leaveLastOut(data, 0);
        try (RankedPipeline pipeline = new RankedPipeline(data, RankedPipeline.defaultOptions(), 0)) {
            pipeline.fit(split.train());
            RankedPipeline.Candidates c = pipeline.candidates(0);
            assertThat(c.items()).isNotEmpty().doesNotContain(split.train().itemsOf(0));
            assertThat(c.features()).hasNumberOfRows(c.items().length);
            for (float[] row : c.features()) {
                assertThat(row).hasSize(RankedPipeline.FEATURES.size());
            }
        }
    }

    /**
     * Each reader starts three series and reads each for a while, one series after another, a day per episode;
     * every series is abandoned part-way at random.
     */
    static List<Interaction> plantedLog(Random random, int readers) {
        List<Interaction> log = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            List<Integer> series = new ArrayList<>();
            for (int s = 0; s < SERIES; s++) {
                series.add(s);
            }
            Collections.shuffle(series, random);
            long day = random.nextInt(60);
            for (int s : series.subList(0, 3)) {
                int read = 3 + random.nextInt(EPISODES - 3);
                for (int e = 0; e < read; e++) {
                    log.add(new Interaction("r" + r, "s" + s + "e" + e, 1, ++day * Timeline.DAY));
                }
            }
        }
        return log;
    }
}
