package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a section for a document vector by mixing three distributions over the sections: zero-shot similarity to
 * each section's description (so a section with no articles yet can still be chosen), a linear discriminant fitted
 * on the already-tagged articles, and a similarity-weighted vote of the {@code k} most similar tagged articles.
 * The last two only share out the zero-shot mass of sections that have tagged articles: a section editors have
 * described but not used yet keeps its zero-shot chance.
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

    /**
     * How the signals mix: {@code zeroShotWeight} for the descriptions, the rest for what the tagged articles teach,
     * of which {@code discriminantShare} goes to the discriminant and the remainder to the neighbour vote.
     */
    public record Settings(int k, double zeroShotWeight, double discriminantShare, double shrinkage) {

        /** Chosen on MIND 5-fold (bench/results/generation-quality.md). */
        public static final Settings DEFAULT = new Settings(15, 0.3, 0.7, 0.5);

        public Settings {
            if (k < 1 || zeroShotWeight < 0 || zeroShotWeight > 1 || discriminantShare < 0 || discriminantShare > 1
                    || shrinkage < 0 || shrinkage > 1) {
                throw new IllegalArgumentException("k >= 1 and weights, share and shrinkage in [0, 1] are required");
            }
        }
    }

    /** Sharpness of the similarity weights: bge similarities between related texts differ by a few hundredths. */
    static final double TEMPERATURE = 0.02;

    private final List<Label> labels;
    private final List<Example> examples;
    private final Settings settings;
    private final LinearDiscriminant discriminant;
    private final boolean[] hasExamples;

    public SectionClassifier(List<Label> labels, List<Example> examples, Settings settings) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a taxonomy needs at least one section");
        }
        this.labels = List.copyOf(labels);
        Map<String, Integer> index = labelIndex();
        this.examples = examples.stream().filter(e -> index.containsKey(e.label())).toList();
        this.settings = settings;
        this.hasExamples = new boolean[labels.size()];
        this.examples.forEach(e -> hasExamples[index.get(e.label())] = true);
        this.discriminant = this.examples.isEmpty() ? null : LinearDiscriminant.fit(
                this.examples.stream().map(Example::vector).toList(),
                this.examples.stream().mapToInt(e -> index.get(e.label())).toArray(), labels.size(), settings.shrinkage());
    }

    /** Every section with its score (the scores sum to one), best first. */
    public List<Scored> classify(float[] vector) {
        double[] zeroShot = zeroShot(vector);
        double[] mixed = zeroShot;
        if (discriminant != null) {
            double[] learned = discriminant.probabilities(vector);
            double[] vote = vote(vector);
            double share = settings.discriminantShare();
            double z = settings.zeroShotWeight();
            // what the articles teach only divides the mass zero-shot gives the sections that have articles, so a
            // section described but not yet used keeps its zero-shot chance
            double taught = 0;
            for (int i = 0; i < zeroShot.length; i++) {
                taught += hasExamples[i] ? zeroShot[i] : 0;
            }
            mixed = new double[labels.size()];
            for (int i = 0; i < mixed.length; i++) {
                mixed[i] = hasExamples[i]
                        ? z * zeroShot[i] + (1 - z) * taught * (share * learned[i] + (1 - share) * vote[i])
                        : zeroShot[i];
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < mixed.length; i++) {
            scored.add(new Scored(labels.get(i).name(), mixed[i]));
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scored;
    }

    private double[] zeroShot(float[] vector) {
        double[] weights = new double[labels.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(Vectors.dot(vector, labels.get(i).description()) / TEMPERATURE);
        }
        return normalised(weights);
    }

    private double[] vote(float[] vector) {
        Map<String, Integer> index = labelIndex();
        double[] votes = new double[labels.size()];
        for (Nearest.Neighbour<Example> n : Nearest.of(vector, examples, Example::vector, settings.k())) {
            votes[index.get(n.item().label())] += Math.exp(n.similarity() / TEMPERATURE);
        }
        return normalised(votes);
    }

    private Map<String, Integer> labelIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i).name(), i);
        }
        return index;
    }

    private static double[] normalised(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int i = 0; i < weights.length && total > 0; i++) {
            weights[i] /= total;
        }
        return weights;
    }
}
