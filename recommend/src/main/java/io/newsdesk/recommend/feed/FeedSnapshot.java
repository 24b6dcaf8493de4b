package io.newsdesk.recommend.feed;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reader's feed as computed at one moment, kept so that its pages and the reader's next visits need not compute
 * it again. Articles the reader takes up or hides afterwards are noted in {@link #consumed()}; the next first page
 * is served from a copy without them ({@link #without}). Articles that arrive afterwards and match the reader's
 * {@link #interests()} are placed into a copy's first page ({@link #withArrivals}, {@link ArrivalSplice}).
 *
 * @param id             names this snapshot in the cursors of its pages
 * @param asOf           the moment whose events and models computed the feed
 * @param rankedBy       the ranker version that ordered it, or {@code heuristic-fusion}
 * @param arrivalsUntil  arrivals up to this moment have been considered for the feed
 * @param consumed       articles taken up or hidden since this snapshot was made, for the next copy to leave out
 * @param leftOut        every article left out of the feed since it was computed, so that none comes back as an
 *                       arrival
 */
record FeedSnapshot(long id, String section, Instant asOf, String rankedBy, boolean coldStart, FeedOrder order,
        ReaderInterests interests, Instant arrivalsUntil, Set<String> consumed, Set<String> leftOut) {

    FeedSnapshot(long id, String section, Instant asOf, String rankedBy, boolean coldStart, FeedOrder order,
            ReaderInterests interests) {
        this(id, section, asOf, rankedBy, coldStart, order, interests, asOf, ConcurrentHashMap.newKeySet(), Set.of());
    }

    /** A snapshot of the same moment with the consumed articles left out. */
    FeedSnapshot without(long newId, Set<String> articleIds) {
        Set<String> all = new HashSet<>(leftOut);
        all.addAll(articleIds);
        return new FeedSnapshot(newId, section, asOf, rankedBy, coldStart, order.without(articleIds), interests,
                arrivalsUntil, ConcurrentHashMap.newKeySet(), Set.copyOf(all));
    }

    /** A snapshot of the same moment in another order, with arrivals considered up to {@code until}. */
    FeedSnapshot withArrivals(long newId, FeedOrder spliced, Instant until) {
        return new FeedSnapshot(newId, section, asOf, rankedBy, coldStart, spliced, interests, until, consumed, leftOut);
    }

    /** Whether the reader took up, hid or lost the article since the feed was computed. */
    boolean leftOut(String articleId) {
        return consumed.contains(articleId) || leftOut.contains(articleId);
    }
}
