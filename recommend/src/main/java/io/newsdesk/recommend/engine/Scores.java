package io.newsdesk.recommend.engine;

/** Putting scores from engines with different scales on one scale. */
public final class Scores {

    private Scores() {
    }

    /** Each score as its deviation from the mean of {@code scores}, in standard deviations. */
    public static float[] standardised(float[] scores) {
        double mean = 0;
        for (float v : scores) {
            mean += v;
        }
        mean /= scores.length;
        double variance = 0;
        for (float v : scores) {
            variance += (v - mean) * (v - mean);
        }
        double deviation = Math.sqrt(variance / scores.length) + 1e-9;
        float[] z = new float[scores.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) ((scores[i] - mean) / deviation);
        }
        return z;
    }
}
