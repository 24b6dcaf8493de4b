package io.newsdesk.recommend.engine;

/**
 * An item-to-item model that can score the catalogue from any set of items, not only a user's whole history: the
 * feed asks it about a reader's most recent reads, which is what carries a session's intent.
 */
public interface HistoryScorer {

    /** Writes into {@code scores} (length = items) how well each item follows from {@code items}. */
    void scoreFrom(int[] items, float[] scores);
}
