package io.newsdesk.recommend.engine;

/** Ranks items by how many users interacted with them: the baseline every other engine must beat. */
public final class MostPopularRecommender implements Recommender {

    private float[] popularity = new float[0];

    @Override
    public String name() {
        return "most-popular";
    }

    @Override
    public void fit(Interactions data) {
        int[] counts = data.itemCounts();
        popularity = new float[counts.length];
        for (int i = 0; i < counts.length; i++) {
            popularity[i] = counts[i];
        }
    }

    @Override
    public void score(int user, float[] scores) {
        System.arraycopy(popularity, 0, scores, 0, popularity.length);
    }
}
