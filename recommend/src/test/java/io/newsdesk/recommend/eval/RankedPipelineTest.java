package io.newsdesk.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.recommend.engine.EaseRecommender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void genresFromUItemTellTheRankerHowMuchOfTheUsersHistorySharesAnItemsGenre(@TempDir Path dir) throws Exception {
        // films 1-10 are genre 1 (of three), films 11-20 genre 2, film 21 both
        List<String> uItem = new ArrayList<>();
        for (int film = 1; film <= 21; film++) {
            String flags = film == 21 ? "0|1|1" : film <= 10 ? "0|1|0" : "0|0|1";
            uItem.add(film + "|Film " + film + " (1995)|01-Jan-1995||http://example.org/" + film + "|" + flags);
        }
        Files.write(dir.resolve("u.item"), uItem, StandardCharsets.ISO_8859_1);
        List<Interaction> log = new ArrayList<>();
        for (int film = 1; film <= 5; film++) {
            log.add(new Interaction("fan", String.valueOf(film), 5, film * Timeline.DAY));
        }
        Random random = new Random(5);
        for (int user = 0; user < 40; user++) {
            for (int k = 0; k < 6; k++) {
                log.add(new Interaction("u" + user, String.valueOf(1 + random.nextInt(21)), 5, (10 + k) * Timeline.DAY));
            }
        }
        Dataset data = new Dataset(log, 3);
        ItemLabels genres = ItemLabels.movieLensGenres(dir.resolve("u.item"), data);
        assertThat(genres.count()).isEqualTo(3);

        try (RankedPipeline pipeline = new RankedPipeline(data, genres, RankedPipeline.defaultOptions(), 0)) {
            pipeline.fit(interactions(data));
            RankedPipeline.Candidates c = pipeline.candidates(0); // the fan, the first user of the log
            int affinity = RankedPipeline.FEATURES.indexOf("label_affinity");
            int lift = RankedPipeline.FEATURES.indexOf("label_lift");
            Map<String, float[]> byFilm = new HashMap<>();
            for (int k = 0; k < c.items().length; k++) {
                byFilm.put(data.itemKey(c.items()[k]), c.features()[k]);
            }
            float[] sameGenre = byFilm.get("7");
            float[] otherGenre = byFilm.get("15");
            float[] both = byFilm.get("21");
            assertThat(sameGenre[affinity]).isEqualTo(1f);
            assertThat(otherGenre[affinity]).isZero();
            assertThat(both[affinity]).isEqualTo(0.5f);
            assertThat(sameGenre[lift]).isPositive();
            assertThat(otherGenre[lift]).isNegative();
        }
    }

    @Test
    void itemsLikeTheOnesAReaderRatedHighestScoreHigherOnEaseByStrength() {
        // two clusters of six films each, read together by other users; the fan rated three of one cluster 5 and
        // three of the other 3, so both clusters are equally present in the fan's history but not equally liked
        List<Interaction> log = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            log.add(new Interaction("fan", "loved-" + k, 5, k * Timeline.DAY));
            log.add(new Interaction("fan", "tolerated-" + k, 3, k * Timeline.DAY));
        }
        Random random = new Random(7);
        for (int user = 0; user < 40; user++) {
            String cluster = user % 2 == 0 ? "loved-" : "tolerated-";
            for (int k = 1; k <= 6; k++) {
                if (random.nextDouble() < 0.7) {
                    log.add(new Interaction("u" + user, cluster + k, 4, (10 + k) * Timeline.DAY));
                }
            }
        }
        Dataset data = new Dataset(log, 3);
        try (RankedPipeline pipeline = new RankedPipeline(data, RankedPipeline.defaultOptions(), 0)) {
            pipeline.fit(interactions(data));
            RankedPipeline.Candidates c = pipeline.candidates(0);
            int byStrength = RankedPipeline.FEATURES.indexOf("ease_by_strength_z");
            double lowestLoved = Double.POSITIVE_INFINITY;
            double highestTolerated = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c.items().length; k++) {
                String film = data.itemKey(c.items()[k]);
                float value = c.features()[k][byStrength];
                if (film.startsWith("loved-")) {
                    lowestLoved = Math.min(lowestLoved, value);
                } else {
                    highestTolerated = Math.max(highestTolerated, value);
                }
            }
            assertThat(c.items()).hasSize(6);
            assertThat(lowestLoved).as("the loved cluster's unseen films against the tolerated one's")
                    .isGreaterThan(highestTolerated);
        }
    }

    private static io.newsdesk.recommend.engine.Interactions interactions(Dataset data) {
        var builder = new io.newsdesk.recommend.engine.Interactions.Builder(data.users(), data.items());
        for (int u = 0; u < data.users(); u++) {
            data.positivesOf(u).forEach(p -> builder.add(p.user(), p.item()));
        }
        return builder.build();
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
