package io.newsdesk.recommend.eval;

/**
 * Ranking quality at a cut-off k, averaged over the users that have target items.
 *
 * @param recall   hits / targets: the share of the user's held-out items that made the list
 * @param ndcg     discounted gain of the hits over the best possible gain (binary relevance, log2 discount)
 * @param hit      share of users with at least one hit
 * @param mrr      mean reciprocal rank of the first hit (0 without one)
 * @param coverage share of the catalogue that appears in at least one user's list
 * @param users    users evaluated
 */
public record Metrics(double recall, double ndcg, double hit, double mrr, double coverage, int users) {
}
