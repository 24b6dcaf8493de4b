package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.DocumentEmbedder;
import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.embed.Vectors;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Keyphrases by embedding: the text's phrases of one to three words without stop words (Lucene's English list) are
 * embedded and scored by similarity to the whole text's vector; among the most similar, maximal marginal relevance
 * picks a list that covers the text rather than repeating its main phrase. (Names are {@link NamedEntities}.)
 */
@ApplicationScoped
public class KeyphraseExtractor {

    public static final String ENGINE = "embedding-keyphrases(bge-small-en-v1.5, mmr)";
    static final int MAX_CANDIDATES = 300;
    static final double DIVERSITY = 0.5;
    static final int POOL_PER_KEYWORD = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*");

    private final TextEmbedder embedder;
    private final DocumentEmbedder documents;

    public KeyphraseExtractor(TextEmbedder embedder, DocumentEmbedder documents) {
        this.embedder = embedder;
        this.documents = documents;
    }

    public List<String> keyphrases(String text, int count) {
        List<String> candidates = candidates(text);
        if (candidates.isEmpty()) {
            return List.of();
        }
        float[] doc = documents.embedLong(List.of(text), EmbeddingPurpose.DOCUMENT).vectors()[0];
        float[][] vectors = embedder.embed(candidates, EmbeddingPurpose.DOCUMENT).vectors();
        // diversity only among the most relevant, so that it never brings in a phrase off the story's topic
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            pool.add(i);
        }
        pool.sort((a, b) -> Float.compare(Vectors.dot(vectors[b], doc), Vectors.dot(vectors[a], doc)));
        pool = pool.subList(0, Math.min(pool.size(), POOL_PER_KEYWORD * count));
        double[] relevance = new double[candidates.size()];
        for (int i = 0; i < relevance.length; i++) {
            relevance[i] = Vectors.dot(vectors[i], doc);
        }
        List<Integer> chosen = MaximalMarginalRelevance.select(pool, relevance, vectors, count,
                DIVERSITY / (1 - DIVERSITY), (i, picked) -> true);
        return chosen.stream().map(candidates::get).toList();
    }

    /** Phrases of 1-3 words without stop words, most frequent first, at most {@value #MAX_CANDIDATES}. */
    static List<String> candidates(String text) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String sentence : Sentences.of(text)) {
            List<String> words = new ArrayList<>();
            Matcher m = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
            while (m.find()) {
                words.add(m.group());
            }
            for (int n = 1; n <= 3; n++) {
                for (int i = 0; i + n <= words.size(); i++) {
                    List<String> phrase = words.subList(i, i + n);
                    if (phrase.stream().anyMatch(KeyphraseExtractor::stop) || (n == 1 && phrase.get(0).length() < 3)) {
                        continue;
                    }
                    counts.merge(String.join(" ", phrase), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(MAX_CANDIDATES)
                .map(Map.Entry::getKey).toList();
    }

    private static boolean stop(String word) {
        return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word) || word.chars().allMatch(Character::isDigit);
    }
}
