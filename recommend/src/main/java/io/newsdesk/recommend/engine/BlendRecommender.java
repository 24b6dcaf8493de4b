package io.newsdesk.recommend.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A weighted blend of recommenders: each one's scores for a user are standardised (zero mean, unit deviation over
 * the catalogue) and summed with its weight, so that engines whose scores live on different scales (EASE weights,
 * ALS dot products, kNN similarity sums) can be combined. Weights can be changed without refitting, which is how
 * they are chosen on validation data.
 */
public final class BlendRecommender implements Recommender {

    private final List<Recommender> parts;
    private double[] weights;

    public BlendRecommender(List<Recommender> parts, double[] weights) {
        if (parts.size() != weights.length || parts.isEmpty()) {
            throw new IllegalArgumentException("one weight per recommender: " + parts.size() + " recommenders, "
                    + weights.length + " weights");
        }
        this.parts = List.copyOf(parts);
        this.weights = weights.clone();
    }

    @Override
    public String name() {
        StringBuilder name = new StringBuilder("blend(");
        for (int i = 0; i < parts.size(); i++) {
            name.append(i == 0 ? "" : " + ").append(weights[i]).append(" x ").append(parts.get(i).name());
        }
        return name.append(')').toString();
    }

    /** Changes the weights; the fitted parts stay. */
    public BlendRecommender withWeights(double[] newWeights) {
        if (newWeights.length != parts.size()) {
            throw new IllegalArgumentException("one weight per recommender");
        }
        this.weights = newWeights.clone();
        return this;
    }

    public double[] weights() {
        return weights.clone();
    }

    @Override
    public void fit(Interactions data) {
        parts.forEach(p -> p.fit(data));
    }

    @Override
    public void score(int user, float[] scores) {
        Arrays.fill(scores, 0f);
        float[] part = new float[scores.length];
        for (int k = 0; k < parts.size(); k++) {
            if (weights[k] == 0) {
                continue;
            }
            parts.get(k).score(user, part);
            float[] z = Scores.standardised(part);
            for (int i = 0; i < scores.length; i++) {
                scores[i] += (float) (weights[k] * z[i]);
            }
        }
    }
}
