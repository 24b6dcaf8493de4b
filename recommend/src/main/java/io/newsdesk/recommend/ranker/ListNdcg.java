package io.newsdesk.recommend.ranker;

import java.util.Arrays;
import java.util.stream.IntStream;

/** NDCG at a cut-off within one list of candidates: how near the top its engaged candidates are placed. */
public final class ListNdcg {

    private ListNdcg() {
    }

    /** NDCG@{@code k} of the order {@code scores} gives; 0 for a list without an engaged candidate. */
    public static double of(float[] scores, float[] labels, int k) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        int engaged = 0;
        for (float label : labels) {
            engaged += label > 0.5f ? 1 : 0;
        }
        double dcg = 0;
        for (int r = 0; r < Math.min(k, order.length); r++) {
            dcg += labels[order[r]] > 0.5f ? discount(r) : 0;
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, engaged); r++) {
            ideal += discount(r);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double discount(int rank) {
        return 1 / (Math.log(rank + 2) / Math.log(2));
    }
}
