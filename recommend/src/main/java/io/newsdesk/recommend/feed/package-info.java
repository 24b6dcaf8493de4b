/**
 * A reader's feed: {@link io.newsdesk.recommend.feed.FeedService} fuses the candidate sources, ranks and diversifies
 * ({@link io.newsdesk.recommend.feed.DiversifiedOrder}); {@link io.newsdesk.recommend.feed.FeedSnapshots} keeps
 * computed feeds for the reader's later pages and visits, and {@link io.newsdesk.recommend.feed.FeedRefresher} keeps
 * them true to the reader's events.
 */
package io.newsdesk.recommend.feed;
