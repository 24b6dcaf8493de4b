package io.newsdesk.core.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): each ranked list gives a hit at rank r the
 * score weight / (k + r), and a hit's fused score is the sum over lists. It needs no score calibration between
 * BM25 and cosine similarity, which live on unrelated scales.
 */
final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {
    }

    /** A fused hit: the document, its score, and its 1-based rank in each input list (0 when absent). */
    record Fused(int doc, double score, int[] ranks) {
    }

    /**
     * Fuses ranked lists of document ids; ties keep the order in which documents were first met, earlier lists
     * first.
     */
    static List<Fused> fuse(List<int[]> rankings, double[] weights, int k) {
        Map<Integer, double[]> scores = new LinkedHashMap<>();
        Map<Integer, int[]> ranks = new LinkedHashMap<>();
        for (int list = 0; list < rankings.size(); list++) {
            int[] ranking = rankings.get(list);
            for (int r = 0; r < ranking.length; r++) {
                int doc = ranking[r];
                scores.computeIfAbsent(doc, d -> new double[1])[0] += weights[list] / (k + r + 1);
                int[] docRanks = ranks.computeIfAbsent(doc, d -> new int[rankings.size()]);
                if (docRanks[list] == 0) {
                    docRanks[list] = r + 1;
                }
            }
        }
        List<Fused> fused = new ArrayList<>(scores.size());
        scores.forEach((doc, score) -> fused.add(new Fused(doc, score[0], ranks.get(doc))));
        fused.sort((a, b) -> Double.compare(b.score(), a.score()));
        return fused;
    }
}
