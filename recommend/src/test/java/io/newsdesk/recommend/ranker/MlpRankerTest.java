package io.newsdesk.recommend.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The DJL ranker learns a planted click preference, measured on held-out data. */
class MlpRankerTest {

    static final long SEED = 2026;

    @Test
    void learnsAPlantedPreference() {
        Random random = new Random(SEED);
        float[][] trainX = new float[6000][];
        float[] trainY = new float[6000];
        float[][] validX = new float[2000][];
        float[] validY = new float[2000];
        float[][] testX = new float[2000][];
        float[] testY = new float[2000];
        fill(trainX, trainY, random);
        fill(validX, validY, random);
        fill(testX, testY, random);
        try (MlpRanker ranker = MlpRanker.train(trainX, trainY, validX, validY, RankerOptions.defaults())) {
            int held = ranker.arraysHeld();
            double auc = Auc.of(ranker.score(testX), testY);
            ranker.score(testX);
            assertThat(ranker.arraysHeld()).as("a feed is scored many times a second: scoring frees all it makes")
                    .isEqualTo(held);
            assertThat(auc).as("held-out AUC (seed " + SEED + ")").isGreaterThan(0.75);
            assertThat(ranker.validationScore()).isGreaterThan(0.75);
            assertThat(ranker.epochs()).isGreaterThanOrEqualTo(1);
        }
    }

    /** Clicks depend on similarity and section affinity, and on their interaction; the rest is noise. */
    private static void fill(float[][] x, float[] y, Random random) {
        for (int i = 0; i < x.length; i++) {
            float[] f = new float[8];
            for (int d = 0; d < f.length; d++) {
                f[d] = (float) random.nextGaussian();
            }
            double logit = 2.0 * f[0] + 1.5 * f[1] * f[2] - 1.0 * f[3];
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1f : 0f;
            x[i] = f;
        }
    }

    @Test
    void listwiseTrainingLearnsTheOrderWithinLists() {
        Random random = new Random(SEED);
        List<RankingList> train = lists(600, random);
        List<RankingList> valid = lists(150, random);
        List<RankingList> test = lists(150, random);
        try (MlpRanker ranker = MlpRanker.trainListwise(train, valid, RankerOptions.defaults())) {
            double auc = test.stream().mapToDouble(l -> Auc.of(ranker.score(l.features()), l.labels())).average().orElseThrow();
            assertThat(auc).as("mean AUC within held-out lists (seed " + SEED + ")").isGreaterThan(0.75);
        }
    }

    /**
     * Lists of 30 candidates; the engaged one is drawn by a softmax over 2 * f0 + f1 * f2, while f3 is a per-list
     * offset (how engaged the reader is overall) that says nothing about the order.
     */
    private static List<RankingList> lists(int count, Random random) {
        List<RankingList> lists = new java.util.ArrayList<>();
        for (int l = 0; l < count; l++) {
            float offset = (float) random.nextGaussian();
            float[][] x = new float[30][];
            double[] weights = new double[30];
            double total = 0;
            for (int c = 0; c < x.length; c++) {
                x[c] = new float[] {(float) random.nextGaussian(), (float) random.nextGaussian(), (float) random.nextGaussian(), offset};
                weights[c] = Math.exp(2 * x[c][0] + x[c][1] * x[c][2]);
                total += weights[c];
            }
            float[] y = new float[x.length];
            double pick = random.nextDouble() * total;
            for (int c = 0; c < x.length; c++) {
                pick -= weights[c];
                if (pick <= 0) {
                    y[c] = 1;
                    break;
                }
            }
            if (pick > 0) {
                y[x.length - 1] = 1;
            }
            lists.add(new RankingList(x, y));
        }
        return lists;
    }

    @Test
    void aucCountsTiesAsHalfAndMatchesAHandExample() {
        assertThat(Auc.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new float[] {0, 0, 1, 1})).isCloseTo(0.75, within(1e-12));
        assertThat(Auc.of(new float[] {0.5f, 0.5f}, new float[] {0, 1})).isCloseTo(0.5, within(1e-12));
        assertThat(Auc.of(new float[] {1, 2}, new float[] {1, 1})).isEqualTo(0.5);
    }
}
