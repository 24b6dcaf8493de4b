package io.newsdesk.recommend.feed;

import io.newsdesk.recommend.Recommendation;
import java.time.Instant;
import java.util.List;

/**
 * A page of a reader's feed.
 *
 * @param coldStart  true when the reader has no engagement yet and the feed is popular, fresh and followed content
 * @param rankedBy   the learned ranker version that ordered it ({@code mlp-v3}), or {@code heuristic-fusion}
 * @param computedAt the moment whose events and models computed the feed; a kept feed serves later visits for a
 *                   while, less what the reader has read or hidden since
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record FeedPage(String readerId, boolean coldStart, String rankedBy, Instant computedAt, List<Recommendation> items, String nextCursor) {
}
