package io.newsdesk.recommend.engine;

/**
 * Item-to-item neighbours: items are similar when the same users engaged with both (cosine of their user
 * columns). An item's score for a user sums its similarity to the user's items that are among its {@code k}
 * nearest neighbours.
 */
public final class ItemKnnRecommender implements Recommender, HistoryScorer {

    private final int k;
    private float[][] neighbours = new float[0][];
    private Interactions data;

    public ItemKnnRecommender(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "item-knn(cosine, k=" + k + ")";
    }

    @Override
    public void fit(Interactions data) {
        this.data = data;
        int n = data.items();
        float[][] cooccurrence = new float[n][n];
        for (int u = 0; u < data.users(); u++) {
            int[] items = data.itemsOf(u);
            for (int a : items) {
                float[] row = cooccurrence[a];
                for (int b : items) {
                    row[b]++;
                }
            }
        }
        int[] counts = data.itemCounts();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cooccurrence[i][j] = i == j || counts[i] == 0 || counts[j] == 0 ? 0
                        : (float) (cooccurrence[i][j] / Math.sqrt((double) counts[i] * counts[j]));
            }
            TopK.keepLargest(cooccurrence[i], k);
        }
        neighbours = cooccurrence;
    }

    @Override
    public void score(int user, float[] scores) {
        scoreFrom(data.itemsOf(user), scores);
    }

    @Override
    public void scoreFrom(int[] items, float[] scores) {
        for (int j = 0; j < scores.length; j++) {
            float[] row = neighbours[j];
            float sum = 0;
            for (int i : items) {
                sum += row[i];
            }
            scores[j] = sum;
        }
    }
}
