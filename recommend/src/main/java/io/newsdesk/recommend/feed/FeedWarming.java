package io.newsdesk.recommend.feed;

import java.time.Instant;

/**
 * The latest sweep that computed feeds ahead of their readers' visits.
 *
 * @param running   whether it is still going
 * @param rankedBy  the ranker the sweep's feeds were ranked by, or {@code heuristic-fusion}
 * @param readers   readers active within the warm window, most recent first, that the sweep covers
 * @param computed  feeds computed so far
 * @param kept      readers skipped because their kept feed outlives the next sweep
 * @param failed    feeds that could not be computed
 * @param noRoom    readers passed over because the service already keeps the feeds of as many readers as
 *                  {@code snapshot-readers} allows, and keeping theirs would push out another reader's
 */
public record FeedWarming(boolean running, Instant startedAt, Instant finishedAt, String rankedBy, int readers,
        int computed, int kept, int failed, int noRoom) {

    static final FeedWarming NEVER = new FeedWarming(false, null, null, null, 0, 0, 0, 0, 0);
}
