package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a section for a document vector from two signals, each a distribution over the sections: zero-shot
 * similarity to each section's description (so a section with no articles yet can still be chosen), and a vote of
 * the {@code k} most similar already-tagged articles; both weigh similarities by a softmax. They are mixed with
 * {@code zeroShotWeight}.
 */
public final class SectionClassifier {

    /** A section with the vector of its description. */
    public record Label(String name, float[] description) {
    }

    /** An already-tagged article. */
    public record Example(float[] vector, String label) {
    }

    /** A section and its score, best first in a prediction. */
    public record Scored(String label, double score) {
    }

    /** Sharpness of the similarity weights: bge similarities between related texts differ by a few hundredths. */
    static final double TEMPERATURE = 0.02;

    private final List<Label> labels;
    private final List<Example> examples;
    private final int k;
    private final double zeroShotWeight;

    public SectionClassifier(List<Label> labels, List<Example> examples, int k, double zeroShotWeight) {
        if (labels.isEmpty() || k < 1 || zeroShotWeight < 0 || zeroShotWeight > 1) {
            throw new IllegalArgumentException("labels, k >= 1 and a zero-shot weight in [0, 1] are required");
        }
        this.labels = List.copyOf(labels);
        this.examples = List.copyOf(examples);
        this.k = k;
        this.zeroShotWeight = zeroShotWeight;
    }

    /** Every section with its score, best first. */
    public List<Scored> classify(float[] vector) {
        Map<String, Double> votes = new HashMap<>();
        List<Example> nearest = nearest(vector);
        double total = 0;
        for (Example e : nearest) {
            double weight = Math.exp(Vectors.dot(vector, e.vector()) / TEMPERATURE);
            votes.merge(e.label(), weight, Double::sum);
            total += weight;
        }
        // the description similarities as a distribution over sections, comparable with the vote's shares
        double[] zeroShot = new double[labels.size()];
        double zeroShotTotal = 0;
        for (int i = 0; i < zeroShot.length; i++) {
            zeroShot[i] = Math.exp(Vectors.dot(vector, labels.get(i).description()) / TEMPERATURE);
            zeroShotTotal += zeroShot[i];
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < zeroShot.length; i++) {
            String name = labels.get(i).name();
            double vote = total == 0 ? 0 : votes.getOrDefault(name, 0.0) / total;
            scores.put(name, zeroShotWeight * zeroShot[i] / zeroShotTotal + (1 - zeroShotWeight) * vote);
        }
        return scores.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .map(e -> new Scored(e.getKey(), e.getValue())).toList();
    }

    private List<Example> nearest(float[] vector) {
        List<Example> sorted = new ArrayList<>(examples);
        sorted.sort((a, b) -> Float.compare(Vectors.dot(vector, b.vector()), Vectors.dot(vector, a.vector())));
        return sorted.subList(0, Math.min(k, sorted.size()));
    }
}
