package io.newsdesk.recommend.ranker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
            double auc = Auc.of(ranker.score(testX), testY);
            assertThat(auc).as("held-out AUC (seed " + SEED + ")").isGreaterThan(0.75);
            assertThat(ranker.validationAuc()).isGreaterThan(0.75);
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
    void aucCountsTiesAsHalfAndMatchesAHandExample() {
        assertThat(Auc.of(new float[] {0.1f, 0.4f, 0.35f, 0.8f}, new float[] {0, 0, 1, 1})).isCloseTo(0.75, within(1e-12));
        assertThat(Auc.of(new float[] {0.5f, 0.5f}, new float[] {0, 1})).isCloseTo(0.5, within(1e-12));
        assertThat(Auc.of(new float[] {1, 2}, new float[] {1, 1})).isEqualTo(0.5);
    }
}
