/**
 * Offline evaluation: reads interactions (MovieLens {@code u.data} layout), splits them by the protocols of
 * {@code ../shared/data/README.md} (per-user random split, temporal leave-last-out), and measures Recall@10,
 * NDCG@10, Hit@10, MRR@10 and catalogue coverage with full ranking over the items a user has not seen. The same
 * evaluation runs on the service's own engagement ({@link io.newsdesk.recommend.eval.EngagementLog}) as the
 * {@code recommend-evaluation} job.
 */
package io.newsdesk.recommend.eval;
