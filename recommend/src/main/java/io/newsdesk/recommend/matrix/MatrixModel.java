package io.newsdesk.recommend.matrix;

import java.time.Instant;
import org.apache.lucene.util.VectorUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/** A trained version: reader and article ids with their factor rows. */
public record MatrixModel(int version, Instant createdAt, String description, List<String> readers, List<String> articles,
        float[][] readerFactors, float[][] articleFactors, Map<String, Integer> readerRows) {

    public MatrixModel(int version, Instant createdAt, String description, List<String> readers, List<String> articles,
            float[][] readerFactors, float[][] articleFactors) {
        this(version, createdAt, description, readers, articles, readerFactors, articleFactors, rows(readers));
    }

    private static Map<String, Integer> rows(List<String> readers) {
        Map<String, Integer> rows = new HashMap<>(readers.size() * 2);
        for (int i = 0; i < readers.size(); i++) {
            rows.put(readers.get(i), i);
        }
        return rows;
    }

    /** A recommended article and the reader's predicted preference for it. */
    public record Scored(String articleId, float score) {
    }

    /**
     * The {@code keep} articles with the reader's highest predicted preference, best first, skipping those
     * {@code excluded} rejects; empty if the model does not know the reader.
     */
    public List<Scored> top(String readerId, int keep, Predicate<String> excluded) {
        Integer row = readerRows.get(readerId);
        if (row == null || keep < 1) {
            return List.of();
        }
        float[] x = readerFactors[row];
        PriorityQueue<Scored> best = new PriorityQueue<>(keep + 1, (a, b) -> Float.compare(a.score(), b.score()));
        for (int i = 0; i < articles.size(); i++) {
            float s = VectorUtil.dotProduct(x, articleFactors[i]);
            if (best.size() == keep && s <= best.peek().score()) {
                continue;
            }
            String id = articles.get(i);
            if (excluded.test(id)) {
                continue;
            }
            best.add(new Scored(id, s));
            if (best.size() > keep) {
                best.poll();
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort((a, b) -> Float.compare(b.score(), a.score()));
        return ranked;
    }
}
