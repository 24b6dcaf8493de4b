package io.newsdesk.recommend.feed;

import java.util.List;
import java.util.Set;

/** The order a kept feed serves its items in, extended only as far as pages ask. */
interface FeedOrder {

    /** The first {@code count} items of the order, or all there are when fewer. */
    List<FeedCandidate> upTo(int count);

    /** The same order less some articles. */
    FeedOrder without(Set<String> articleIds);

    /** Whether the article is one of the order's candidates. */
    boolean offers(String articleId);
}
