package io.newsdesk.recommend.engine;

import java.util.Arrays;

/** Selecting the largest values of a score array. */
public final class TopK {

    private TopK() {
    }

    /** Sets every value of {@code values} below its {@code k}-th largest to 0 (ties at the boundary are kept). */
    static void keepLargest(float[] values, int k) {
        if (k >= values.length) {
            return;
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        float threshold = sorted[sorted.length - k];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < threshold) {
                values[i] = 0;
            }
        }
    }

    /**
     * The indices of the {@code k} highest scores, best first, skipping indices where {@code excluded} is true;
     * ties go to the lower index.
     */
    public static int[] indices(float[] scores, boolean[] excluded, int k) {
        int[] best = new int[k];
        float[] bestScores = new float[k];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (excluded != null && excluded[i]) {
                continue;
            }
            float s = scores[i];
            if (size < k) {
                int pos = size++;
                while (pos > 0 && bestScores[pos - 1] < s) {
                    best[pos] = best[pos - 1];
                    bestScores[pos] = bestScores[pos - 1];
                    pos--;
                }
                best[pos] = i;
                bestScores[pos] = s;
            } else if (s > bestScores[k - 1]) {
                int pos = k - 1;
                while (pos > 0 && bestScores[pos - 1] < s) {
                    best[pos] = best[pos - 1];
                    bestScores[pos] = bestScores[pos - 1];
                    pos--;
                }
                best[pos] = i;
                bestScores[pos] = s;
            }
        }
        return Arrays.copyOf(best, size);
    }
}
