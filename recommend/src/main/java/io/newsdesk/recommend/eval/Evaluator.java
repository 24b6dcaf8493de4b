package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.engine.Interactions;
import io.newsdesk.recommend.engine.Recommender;
import io.newsdesk.recommend.engine.TopK;
import java.util.stream.IntStream;

/**
 * Full-ranking evaluation: for every user with target items, the fitted recommender scores all items, the items in
 * {@code exclude} (what the user has already been seen with) are removed, and the top k are compared with the
 * targets.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static Metrics evaluate(Recommender fitted, Interactions exclude, Interactions target, int k) {
        int items = target.items();
        boolean[] recommended = new boolean[items];
        double[] totals = new double[4];
        int users = 0;
        float[] scores = new float[items];
        boolean[] excluded = new boolean[items];
        for (int u = 0; u < target.users(); u++) {
            int[] wanted = target.itemsOf(u);
            if (wanted.length == 0) {
                continue;
            }
            fitted.score(u, scores);
            java.util.Arrays.fill(excluded, false);
            for (int seen : exclude.itemsOf(u)) {
                excluded[seen] = true;
            }
            int[] top = TopK.indices(scores, excluded, k);
            double[] m = ofList(top, target, u, k);
            for (int i = 0; i < 4; i++) {
                totals[i] += m[i];
            }
            for (int item : top) {
                recommended[item] = true;
            }
            users++;
        }
        long covered = IntStream.range(0, items).filter(i -> recommended[i]).count();
        if (users == 0) {
            return new Metrics(0, 0, 0, 0, 0, 0);
        }
        return new Metrics(totals[0] / users, totals[1] / users, totals[2] / users, totals[3] / users,
                (double) covered / items, users);
    }

    /** Recall, NDCG, hit and reciprocal rank of one ranked list against one user's targets. */
    static double[] ofList(int[] top, Interactions target, int user, int k) {
        int relevant = target.itemsOf(user).length;
        double dcg = 0;
        int hits = 0;
        double reciprocal = 0;
        for (int rank = 0; rank < Math.min(k, top.length); rank++) {
            if (target.contains(user, top[rank])) {
                hits++;
                dcg += 1.0 / log2(rank + 2);
                if (reciprocal == 0) {
                    reciprocal = 1.0 / (rank + 1);
                }
            }
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(k, relevant); rank++) {
            ideal += 1.0 / log2(rank + 2);
        }
        return new double[] {(double) hits / relevant, dcg / ideal, hits > 0 ? 1 : 0, reciprocal};
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
