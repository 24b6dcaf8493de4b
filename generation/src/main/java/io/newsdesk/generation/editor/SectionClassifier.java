package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks a section for a document by mixing three distributions over the sections, computed from its vector:
 * zero-shot similarity to each section's description (so a section with no articles yet can still be chosen), a
 * linear discriminant fitted on the already-tagged articles, and a similarity-weighted vote of the {@code k} most
 * similar tagged articles; the last two are then weighed by naive Bayes over the words of the tagged articles
 * ({@link WordNaiveBayes}). What the articles teach only shares out the zero-shot mass of sections that have tagged
 * articles: a section editors have described but not used yet keeps its zero-shot chance.
 */
public final class SectionClassifier {

    /** A section with the vector of its description. */
    public record Label(String name, float[] description) {
    }

    /**
     * An already-tagged article: its vector, its section, its text (title and lead are enough) and its id, by which
     * a request about that very article leaves it out of the neighbour vote (null when there is none).
     */
    public record Example(float[] vector, String label, String text, String id) {

        public Example(float[] vector, String label, String text) {
            this(vector, label, text, null);
        }

        public Example(float[] vector, String label) {
            this(vector, label, "");
        }
    }

    /** A section and its score, best first in a prediction. */
    public record Scored(String label, double score) {
    }

    /**
     * How the signals mix: {@code zeroShotWeight} for the descriptions, the rest for what the tagged articles teach,
     * of which {@code discriminantShare} goes to the discriminant and the remainder to the neighbour vote; that is
     * then multiplied by the word model's posterior with a text's evidence counted as {@code wordStrength} words
     * (0 leaves words out).
     */
    public record Settings(int k, double zeroShotWeight, double discriminantShare, double shrinkage, double wordStrength) {

        /** Chosen on MIND 5-fold (bench/results/generation-quality.md). */
        public static final Settings DEFAULT = new Settings(15, 0.3, 0.7, 0.5, 4);

        public Settings {
            if (k < 1 || zeroShotWeight < 0 || zeroShotWeight > 1 || discriminantShare < 0 || discriminantShare > 1
                    || shrinkage < 0 || shrinkage > 1 || !(wordStrength >= 0)) {
                throw new IllegalArgumentException(
                        "k >= 1, weights, share and shrinkage in [0, 1] and a word strength >= 0 are required");
            }
        }

        /** Settings that leave the words out. */
        public Settings(int k, double zeroShotWeight, double discriminantShare, double shrinkage) {
            this(k, zeroShotWeight, discriminantShare, shrinkage, 0);
        }
    }

    /** Sharpness of the similarity weights: bge similarities between related texts differ by a few hundredths. */
    static final double TEMPERATURE = 0.02;

    private final List<Label> labels;
    private final List<Example> examples;
    private final Settings settings;
    private final LinearDiscriminant discriminant;
    private final WordNaiveBayes words;
    private final boolean[] hasExamples;

    public SectionClassifier(List<Label> labels, List<Example> examples, Settings settings) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a taxonomy needs at least one section");
        }
        this.labels = List.copyOf(labels);
        Map<String, Integer> index = labelIndex();
        List<Example> known = examples.stream().filter(e -> index.containsKey(e.label())).toList();
        int[] classes = known.stream().mapToInt(e -> index.get(e.label())).toArray();
        this.settings = settings;
        this.hasExamples = new boolean[labels.size()];
        known.forEach(e -> hasExamples[index.get(e.label())] = true);
        this.discriminant = known.isEmpty() ? null : LinearDiscriminant.fit(known.stream().map(Example::vector).toList(),
                classes, labels.size(), settings.shrinkage());
        this.words = known.isEmpty() || settings.wordStrength() == 0 ? null
                : WordNaiveBayes.fit(known.stream().map(Example::text).toList(), classes, labels.size());
        // the neighbour vote needs only vectors and sections; the texts need not stay in memory
        this.examples = known.stream().map(e -> new Example(e.vector(), e.label(), "", e.id())).toList();
    }

    /** Every section with its score (the scores sum to one), best first, from the document's vector alone. */
    public List<Scored> classify(float[] vector) {
        return classify(vector, "");
    }

    /** Every section with its score (the scores sum to one), best first, from the document's vector and text. */
    public List<Scored> classify(float[] vector, String text) {
        return classify(vector, text, Set.of());
    }

    /**
     * As {@link #classify(float[], String)}, the examples with an id in {@code excluded} left out of the neighbour
     * vote: an article asked about is not its own neighbour. (The discriminant and the word model, fitted on every
     * example, still count it, as one of thousands.)
     */
    public List<Scored> classify(float[] vector, String text, Set<String> excluded) {
        double[] zeroShot = zeroShot(vector);
        double[] mixed = zeroShot;
        if (discriminant != null) {
            double[] learned = discriminant.probabilities(vector);
            double[] vote = vote(vector, excluded);
            double share = settings.discriminantShare();
            double[] fromArticles = new double[labels.size()];
            for (int i = 0; i < fromArticles.length; i++) {
                fromArticles[i] = hasExamples[i] ? share * learned[i] + (1 - share) * vote[i] : 0;
            }
            if (words != null) {
                fromArticles = weighedByWords(fromArticles, words.probabilities(text, settings.wordStrength()));
            }
            double z = settings.zeroShotWeight();
            // what the articles teach only divides the mass zero-shot gives the sections that have articles, so a
            // section described but not yet used keeps its zero-shot chance
            double taught = 0;
            for (int i = 0; i < zeroShot.length; i++) {
                taught += hasExamples[i] ? zeroShot[i] : 0;
            }
            mixed = new double[labels.size()];
            for (int i = 0; i < mixed.length; i++) {
                mixed[i] = hasExamples[i] ? z * zeroShot[i] + (1 - z) * taught * fromArticles[i] : zeroShot[i];
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < mixed.length; i++) {
            scored.add(new Scored(labels.get(i).name(), mixed[i]));
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scored;
    }

    /** The product of the two distributions, or the first alone where they share no mass (both underflowed). */
    private static double[] weighedByWords(double[] fromVectors, double[] byWords) {
        double[] product = new double[fromVectors.length];
        double total = 0;
        for (int i = 0; i < product.length; i++) {
            product[i] = fromVectors[i] * byWords[i];
            total += product[i];
        }
        return total > 0 ? normalised(product) : fromVectors;
    }

    private double[] zeroShot(float[] vector) {
        double[] weights = new double[labels.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp(Vectors.dot(vector, labels.get(i).description()) / TEMPERATURE);
        }
        return normalised(weights);
    }

    private double[] vote(float[] vector, Set<String> excluded) {
        Map<String, Integer> index = labelIndex();
        double[] votes = new double[labels.size()];
        for (Nearest.Neighbour<Example> n : Nearest.of(vector, examples, Example::vector, settings.k(),
                e -> e.id() != null && excluded.contains(e.id()))) {
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
