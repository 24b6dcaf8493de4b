package io.newsdesk.recommend.ranker;

/**
 * The candidates shown to one reader at one moment, with their features and which ones were engaged with: the unit
 * a listwise ranker learns from, since only the order within a list matters to the reader.
 */
public record RankingList(float[][] features, float[] labels) {

    public RankingList {
        if (features.length != labels.length || features.length == 0) {
            throw new IllegalArgumentException("a ranking list needs one label per candidate and at least one candidate");
        }
    }

    public boolean hasPositive() {
        for (float label : labels) {
            if (label > 0.5f) {
                return true;
            }
        }
        return false;
    }
}
