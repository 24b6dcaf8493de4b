package io.newsdesk.generation.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two classes whose means differ a little along a quiet axis and a lot along a noisy one: only a classifier that
 * accounts for the shared covariance separates them; the nearest mean is fooled by the noise.
 */
class LinearDiscriminantTest {

    static final float[] MEAN_A = {0, 0};
    static final float[] MEAN_B = {2, 0.5f};

    static List<float[]> sample(Random random, float[] mean, int n) {
        List<float[]> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new float[] {mean[0] + 3 * (float) random.nextGaussian(), mean[1] + 0.1f * (float) random.nextGaussian()});
        }
        return points;
    }

    @Test
    void separatesClassesTheNearestMeanConfuses() {
        Random random = new Random(7);
        List<float[]> train = new ArrayList<>(sample(random, MEAN_A, 300));
        train.addAll(sample(random, MEAN_B, 300));
        int[] labels = new int[600];
        for (int i = 300; i < 600; i++) {
            labels[i] = 1;
        }
        LinearDiscriminant lda = LinearDiscriminant.fit(train, labels, 2, 0.0);
        List<float[]> testA = sample(random, MEAN_A, 500);
        List<float[]> testB = sample(random, MEAN_B, 500);
        int ldaCorrect = 0;
        int nearestMeanCorrect = 0;
        for (int c = 0; c < 2; c++) {
            for (float[] p : c == 0 ? testA : testB) {
                double[] probabilities = lda.probabilities(p);
                assertThat(probabilities[0] + probabilities[1]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
                ldaCorrect += (probabilities[1] > probabilities[0] ? 1 : 0) == c ? 1 : 0;
                nearestMeanCorrect += (distance(p, MEAN_B) < distance(p, MEAN_A) ? 1 : 0) == c ? 1 : 0;
            }
        }
        assertThat(ldaCorrect / 1000.0).isGreaterThan(0.95);
        assertThat(nearestMeanCorrect / 1000.0).isLessThan(0.75);
    }

    @Test
    void aClassWithoutExamplesIsNeverPredicted() {
        List<float[]> train = List.of(new float[] {1, 0}, new float[] {0.9f, 0.1f}, new float[] {0, 1}, new float[] {0.1f, 0.9f});
        LinearDiscriminant lda = LinearDiscriminant.fit(train, new int[] {0, 0, 2, 2}, 3, 0.5);
        double[] probabilities = lda.probabilities(new float[] {0.95f, 0.05f});
        assertThat(probabilities[1]).isZero();
        assertThat(probabilities[0]).isGreaterThan(probabilities[2]);
    }

    @Test
    void refusesMismatchedInput() {
        assertThatThrownBy(() -> LinearDiscriminant.fit(List.of(new float[] {1}), new int[] {0, 1}, 2, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinearDiscriminant.fit(List.of(new float[] {1}), new int[] {0}, 2, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static double distance(float[] a, float[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
