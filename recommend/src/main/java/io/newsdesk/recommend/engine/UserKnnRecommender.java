package io.newsdesk.recommend.engine;

/**
 * User-to-user neighbours: users are similar when they engaged with the same items (cosine of their histories).
 * An item's score for a user sums the similarity of the user's {@code k} nearest neighbours who engaged with it.
 */
public final class UserKnnRecommender implements Recommender {

    private final int k;
    private Interactions data;
    private int[][] byItem;
    private float[][] neighbours = new float[0][];

    public UserKnnRecommender(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "user-knn(cosine, k=" + k + ")";
    }

    @Override
    public void fit(Interactions data) {
        this.data = data;
        this.byItem = data.byItem();
        int m = data.users();
        neighbours = new float[m][];
        for (int u = 0; u < m; u++) {
            float[] overlap = new float[m];
            for (int item : data.itemsOf(u)) {
                for (int v : byItem[item]) {
                    overlap[v]++;
                }
            }
            int nu = data.itemsOf(u).length;
            for (int v = 0; v < m; v++) {
                int nv = data.itemsOf(v).length;
                overlap[v] = v == u || nu == 0 || nv == 0 ? 0 : (float) (overlap[v] / Math.sqrt((double) nu * nv));
            }
            TopK.keepLargest(overlap, k);
            neighbours[u] = overlap;
        }
    }

    @Override
    public void score(int user, float[] scores) {
        java.util.Arrays.fill(scores, 0f);
        float[] sims = neighbours[user];
        for (int v = 0; v < sims.length; v++) {
            if (sims[v] > 0) {
                for (int item : data.itemsOf(v)) {
                    scores[item] += sims[v];
                }
            }
        }
    }
}
