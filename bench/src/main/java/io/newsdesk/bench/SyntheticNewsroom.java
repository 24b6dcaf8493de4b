package io.newsdesk.bench;

import io.newsdesk.core.embed.Vectors;
import io.newsdesk.core.index.IndexedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes any number of synthetic articles that look, to Lucene, like news: words drawn from the MIND sample's
 * vocabulary in its own proportions, twelve sections, two years of publication dates, and document vectors that
 * sit around the real vectors of MIND articles (a real vector plus noise), so the HNSW graph meets the clustered
 * geometry of real embeddings rather than uniform noise.
 */
final class SyntheticNewsroom {

    private static final String[] SECTIONS = {"news", "politics", "business", "technology", "science", "health",
            "sport", "culture", "music", "food", "travel", "environment"};

    private final List<String> words = new ArrayList<>();
    private final float[][] anchors;
    private final Random random;

    SyntheticNewsroom(MindData mind, float[][] anchors, long seed) {
        for (String text : mind.titles) {
            words.addAll(List.of(text.split("\\s+")));
        }
        for (String text : mind.abstracts) {
            words.addAll(List.of(text.split("\\s+")));
        }
        this.anchors = anchors;
        this.random = new Random(seed);
    }

    List<IndexedArticle> articles(int count) {
        List<IndexedArticle> articles = new ArrayList<>(count);
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            float[] anchor = anchors[random.nextInt(anchors.length)];
            float[] vector = new float[anchor.length];
            for (int d = 0; d < vector.length; d++) {
                vector[d] = anchor[d] + (float) (random.nextGaussian() * 0.03);
            }
            articles.add(new IndexedArticle("syn-" + i, text(8 + random.nextInt(6)), text(20 + random.nextInt(15)),
                    text(150 + random.nextInt(100)), SECTIONS[random.nextInt(SECTIONS.length)], "en", "article",
                    List.of(), List.of(), end.minusSeconds(random.nextInt(2 * 365 * 86_400)), null, Vectors.normalise(vector)));
        }
        return articles;
    }

    private String text(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(words.get(random.nextInt(words.size()))).append(' ');
        }
        return text.toString().strip();
    }
}
