package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.embed.Vectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * An extractive summary: each sentence is embedded; its score is its centrality (similarity to the mean of all
 * sentence vectors, the text's gist) plus a lead bonus that news writing earns (the first sentences carry the
 * story), and sentences are picked greedily by maximal marginal relevance so that the summary does not say the
 * same thing twice. The picked sentences keep their order in the text.
 */
@ApplicationScoped
public class ExtractiveSummarizer {

    public static final String ENGINE = "extractive(bge-small-en-v1.5, centrality + lead, mmr)";
    static final double LEAD_WEIGHT = 0.15;
    static final double REDUNDANCY_WEIGHT = 0.5;

    private final TextEmbedder embedder;

    public ExtractiveSummarizer(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    /**
     * @param maxSentences most sentences in the summary
     * @param maxWords     most words in the summary (0 for no limit); the first pick is kept even if longer
     */
    public List<String> summarize(String text, int maxSentences, int maxWords) {
        List<String> sentences = new ArrayList<>();
        for (String s : Sentences.of(text)) {
            if (embedder.countTokens(s) <= embedder.maxTokens()) {
                sentences.add(s);
            }
        }
        if (sentences.size() <= 1) {
            return sentences;
        }
        float[][] vectors = embedder.embed(sentences, EmbeddingPurpose.DOCUMENT).vectors();
        float[] centre = Vectors.weightedMean(vectors, null);
        double[] relevance = new double[sentences.size()];
        for (int i = 0; i < relevance.length; i++) {
            relevance[i] = Vectors.dot(vectors[i], centre) + LEAD_WEIGHT / (1 + i);
        }
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            all.add(i);
        }
        List<Integer> chosen = new ArrayList<>(MaximalMarginalRelevance.select(all, relevance, vectors, maxSentences,
                REDUNDANCY_WEIGHT, (i, picked) -> maxWords == 0 || picked.isEmpty()
                        || picked.stream().mapToInt(c -> Sentences.words(sentences.get(c))).sum()
                                + Sentences.words(sentences.get(i)) <= maxWords));
        chosen.sort(Integer::compare);
        return chosen.stream().map(sentences::get).toList();
    }
}
