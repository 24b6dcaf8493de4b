package io.newsdesk.core.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): each ranked list gives an entry at rank r the
 * score weight / (k + r), and an entry's fused score is the sum over lists. It needs no score calibration between
 * retrievers whose scores live on unrelated scales (BM25 and cosine, co-reading counts and similarities).
 */
public final class ReciprocalRankFusion {

    private ReciprocalRankFusion() {
    }

    /** A fused entry: its key, its score, and its 1-based rank in each input list (0 when absent). */
    public record Fused<T>(T key, double score, int[] ranks) {
    }

    /**
     * Fuses ranked lists; ties keep the order in which entries were first met, earlier lists first.
     */
    public static <T> List<Fused<T>> fuse(List<List<T>> rankings, double[] weights, int k) {
        Map<T, double[]> scores = new LinkedHashMap<>();
        Map<T, int[]> ranks = new LinkedHashMap<>();
        for (int list = 0; list < rankings.size(); list++) {
            List<T> ranking = rankings.get(list);
            for (int r = 0; r < ranking.size(); r++) {
                T key = ranking.get(r);
                scores.computeIfAbsent(key, d -> new double[1])[0] += weights[list] / (k + r + 1);
                int[] keyRanks = ranks.computeIfAbsent(key, d -> new int[rankings.size()]);
                if (keyRanks[list] == 0) {
                    keyRanks[list] = r + 1;
                }
            }
        }
        List<Fused<T>> fused = new ArrayList<>(scores.size());
        scores.forEach((key, score) -> fused.add(new Fused<>(key, score[0], ranks.get(key))));
        fused.sort((a, b) -> Double.compare(b.score(), a.score()));
        return fused;
    }
}
