package io.newsdesk.recommend.matrix;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A trained version: reader and article ids with their factor rows. */
public record MatrixModel(int version, Instant createdAt, String description, List<String> readers, List<String> articles,
        float[][] readerFactors, float[][] articleFactors) {

    /** Article ids with the reader's predicted preference, for every article in the model; empty if unknown reader. */
    public Map<String, Float> scores(String readerId) {
        int row = readers.indexOf(readerId);
        Map<String, Float> scores = new HashMap<>();
        if (row < 0) {
            return scores;
        }
        float[] x = readerFactors[row];
        for (int i = 0; i < articles.size(); i++) {
            float[] y = articleFactors[i];
            float s = 0;
            for (int p = 0; p < x.length; p++) {
                s += x[p] * y[p];
            }
            scores.put(articles.get(i), s);
        }
        return scores;
    }
}
