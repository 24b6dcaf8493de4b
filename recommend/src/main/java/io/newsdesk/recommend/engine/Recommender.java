package io.newsdesk.recommend.engine;

/**
 * Learns from a user-item matrix and scores every item for a user. Items the caller must not recommend (already
 * seen, hidden) are filtered by the caller; a recommender only ranks.
 */
public interface Recommender {

    /** Technique and key parameters, e.g. {@code ease(lambda=250)}. */
    String name();

    /** Learns from {@code data}; replaces anything learnt before. */
    void fit(Interactions data);

    /** Writes a score for every item into {@code scores} (length = items); higher is better. */
    void score(int user, float[] scores);
}
