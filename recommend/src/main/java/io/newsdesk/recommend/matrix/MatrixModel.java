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
        float[][] readerFactors, float[][] articleFactors, Map<String, Integer> readerRows, QuantizedFactors quantized) {

    /** How many more articles than asked for the quantised scan shortlists for exact scoring. */
    static final int SHORTLIST_FACTOR = 4;
    static final int SHORTLIST_EXTRA = 32;

    public MatrixModel(int version, Instant createdAt, String description, List<String> readers, List<String> articles,
            float[][] readerFactors, float[][] articleFactors) {
        this(version, createdAt, description, readers, articles, readerFactors, articleFactors, rows(readers),
                new QuantizedFactors(articleFactors));
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
     * {@code excluded} rejects; empty if the model does not know the reader. A scan of the quantised factors
     * shortlists a few times {@code keep}; their exact scores decide.
     */
    public List<Scored> top(String readerId, int keep, Predicate<String> excluded) {
        Integer row = readerRows.get(readerId);
        if (row == null || keep < 1) {
            return List.of();
        }
        float[] x = readerFactors[row];
        byte[] q = QuantizedFactors.query(x);
        int shortlist = SHORTLIST_FACTOR * keep + SHORTLIST_EXTRA;
        // a min-heap of (approximate score, row), packed in a long so the scan allocates nothing per article
        PriorityQueue<Long> best = new PriorityQueue<>(shortlist + 1);
        for (int i = 0; i < quantized.size(); i++) {
            int s = quantized.dot(q, i);
            if (best.size() == shortlist && s <= (int) (best.peek() >> 32)) {
                continue;
            }
            if (excluded.test(articles.get(i))) {
                continue;
            }
            best.add(((long) s << 32) | i);
            if (best.size() > shortlist) {
                best.poll();
            }
        }
        List<Scored> ranked = new ArrayList<>(best.size());
        for (long entry : best) {
            int i = (int) entry;
            ranked.add(new Scored(articles.get(i), VectorUtil.dotProduct(x, articleFactors[i])));
        }
        ranked.sort((a, b) -> Float.compare(b.score(), a.score()));
        return ranked.size() > keep ? List.copyOf(ranked.subList(0, keep)) : ranked;
    }
}
