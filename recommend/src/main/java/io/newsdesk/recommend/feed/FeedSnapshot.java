package io.newsdesk.recommend.feed;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reader's feed as computed at one moment, kept so that its pages and the reader's next visits need not compute
 * it again. Articles the reader takes up or hides afterwards are noted in {@link #consumed()}; the next first page
 * is served from a copy without them ({@link #without}).
 *
 * @param id       names this snapshot in the cursors of its pages
 * @param asOf     the moment whose events and models computed the feed
 * @param rankedBy the ranker version that ordered it, or {@code heuristic-fusion}
 */
record FeedSnapshot(long id, String section, Instant asOf, String rankedBy, boolean coldStart, DiversifiedOrder order,
        Set<String> consumed) {

    FeedSnapshot(long id, String section, Instant asOf, String rankedBy, boolean coldStart, DiversifiedOrder order) {
        this(id, section, asOf, rankedBy, coldStart, order, ConcurrentHashMap.newKeySet());
    }

    /** A snapshot of the same moment with the consumed articles left out, ordered afresh. */
    FeedSnapshot without(long newId, Set<String> articleIds) {
        return new FeedSnapshot(newId, section, asOf, rankedBy, coldStart, order.without(articleIds));
    }
}
