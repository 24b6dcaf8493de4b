package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.index.TaggedVector;
import io.newsdesk.generation.taxonomy.Taxonomy;
import io.newsdesk.generation.taxonomy.TaxonomySection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tag tool: a section for a document vector from the newsroom's taxonomy ({@link SectionClassifier} over the
 * section descriptions and the latest tagged articles of the archive), and tags the most similar archive articles
 * share. The classifier is refitted when the taxonomy changes and at most every {@code newsdesk.editor.tags.refresh}
 * otherwise, so new articles become examples without a fit per request.
 */
@ApplicationScoped
public class SectionTagger {

    public static final String ENGINE = "sections(zero-shot + linear discriminant + 15-NN on bge-small-en-v1.5, weighed by naive Bayes on words)";
    /** The newest tagged articles the classifier learns from; the fit is closed-form, a second or two at this size. */
    static final int MAX_EXAMPLES = 20_000;
    /** A tag must be shared by this many of the nearest articles, so one article's idiosyncrasy is not suggested. */
    static final int MIN_TAG_ARTICLES = 2;
    static final double MIN_TAG_SCORE = 0.05;

    /** A section with its score (the scores of all sections sum to one). */
    public record SectionScore(String name, String label, double score) {
    }

    /** A tag of similar archive articles: its similarity-weighted share of the neighbours, and how many carry it. */
    public record TagScore(String tag, double score, int articles) {
    }

    /** A filed article among the nearest to the text: the evidence behind the neighbour vote and the tags. */
    public record SimilarArticle(String articleId, String section, double similarity) {
    }

    /**
     * What the tool suggests, the most similar filed articles it went by, and what it knew: whether editors wrote
     * the taxonomy, how many articles it learnt from.
     */
    public record Suggestion(List<SectionScore> sections, List<TagScore> tags, List<SimilarArticle> similar,
            boolean taxonomyWritten, int examples) {
    }

    /** How many of the nearest filed articles a suggestion shows. */
    static final int SIMILAR_SHOWN = 5;

    private record Fitted(String fingerprint, Instant at, SectionClassifier classifier, List<TaggedVector> examples,
            Taxonomy.Effective taxonomy) {
    }

    private final Taxonomy taxonomy;
    private final IndexSync index;
    private final TextEmbedder embedder;
    private final Duration refresh;
    private final Map<String, float[]> descriptionVectors = new HashMap<>();
    private Fitted fitted;

    public SectionTagger(Taxonomy taxonomy, IndexSync index, TextEmbedder embedder,
            @ConfigProperty(name = "newsdesk.editor.tags.refresh", defaultValue = "10m") Duration refresh) {
        this.taxonomy = taxonomy;
        this.index = index;
        this.embedder = embedder;
        this.refresh = refresh;
    }

    /**
     * The best {@code sections} sections and up to {@code tags} tags for a document's vector and text; the filed
     * articles named in {@code excluded} (the article asked about) are not their own neighbours.
     */
    public Suggestion suggest(float[] vector, String text, int sections, int tags, Set<String> excluded) {
        Fitted model = current();
        if (model == null) {
            return new Suggestion(List.of(), List.of(), List.of(), false, 0);
        }
        Map<String, TaxonomySection> byName = new HashMap<>();
        model.taxonomy().sections().forEach(s -> byName.put(s.name(), s));
        List<SectionScore> scored = model.classifier().classify(vector, clipped(text), excluded).stream().limit(sections)
                .map(s -> new SectionScore(s.label(), byName.get(s.label()).label(), s.score())).toList();
        List<Nearest.Neighbour<TaggedVector>> nearest = Nearest.of(vector, model.examples(), TaggedVector::vector,
                SectionClassifier.Settings.DEFAULT.k(), e -> excluded.contains(e.articleId()));
        List<SimilarArticle> similar = nearest.stream().limit(SIMILAR_SHOWN)
                .map(n -> new SimilarArticle(n.item().articleId(), n.item().section(), n.similarity())).toList();
        return new Suggestion(scored, tagsOf(nearest, tags), similar, model.taxonomy().written(), model.examples().size());
    }

    /** The start of the text, about as much as an example keeps of its title, standfirst and body. */
    private static String clipped(String text) {
        return text == null ? "" : text.substring(0, Math.min(text.length(), 2 * TaggedVector.TEXT_CHARS));
    }

    private static List<TagScore> tagsOf(List<Nearest.Neighbour<TaggedVector>> nearest, int count) {
        Map<String, double[]> votes = new LinkedHashMap<>();
        double total = 0;
        for (Nearest.Neighbour<TaggedVector> n : nearest) {
            double weight = Math.exp(n.similarity() / SectionClassifier.TEMPERATURE);
            total += weight;
            for (String tag : n.item().tags()) {
                double[] v = votes.computeIfAbsent(tag, t -> new double[2]);
                v[0] += weight;
                v[1]++;
            }
        }
        double sum = total;
        return votes.entrySet().stream()
                .filter(e -> e.getValue()[1] >= MIN_TAG_ARTICLES && e.getValue()[0] / sum >= MIN_TAG_SCORE)
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(count)
                .map(e -> new TagScore(e.getKey(), e.getValue()[0] / sum, (int) e.getValue()[1])).toList();
    }

    /** The fitted classifier for the taxonomy as it is now, refitted when that changed or the fit is old. */
    private synchronized Fitted current() {
        Taxonomy.Effective now = taxonomy.effective();
        if (now.sections().isEmpty()) {
            return null;
        }
        String fingerprint = Integer.toHexString(Objects.hash(now.sections().stream()
                .map(s -> s.name() + "\u0000" + s.meaning()).toList()));
        if (fitted != null && fitted.fingerprint().equals(fingerprint)
                && Duration.between(fitted.at(), Instant.now()).compareTo(refresh) < 0) {
            return fitted;
        }
        List<String> meanings = now.sections().stream().map(TaxonomySection::meaning).toList();
        List<String> missing = meanings.stream().filter(m -> !descriptionVectors.containsKey(m)).distinct().toList();
        if (!missing.isEmpty()) {
            float[][] vectors = embedder.embed(missing, EmbeddingPurpose.DOCUMENT).vectors();
            for (int i = 0; i < vectors.length; i++) {
                descriptionVectors.put(missing.get(i), vectors[i]);
            }
        }
        descriptionVectors.keySet().retainAll(meanings);
        List<SectionClassifier.Label> labels = new ArrayList<>();
        for (TaxonomySection s : now.sections()) {
            labels.add(new SectionClassifier.Label(s.name(), descriptionVectors.get(s.meaning())));
        }
        List<TaggedVector> examples = index.taggedVectors(now.sections().stream().map(TaxonomySection::name).toList(), MAX_EXAMPLES);
        SectionClassifier classifier = new SectionClassifier(labels,
                examples.stream().map(e -> new SectionClassifier.Example(e.vector(), e.section(), e.text(), e.articleId())).toList(),
                SectionClassifier.Settings.DEFAULT);
        fitted = new Fitted(fingerprint, Instant.now(), classifier, examples.stream().map(TaggedVector::withoutText).toList(), now);
        return fitted;
    }
}
