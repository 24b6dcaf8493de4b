/**
 * A reader's feed: {@link io.newsdesk.recommend.feed.FeedService} fuses the candidate sources, ranks and diversifies
 * ({@link io.newsdesk.recommend.feed.DiversifiedOrder}); {@link io.newsdesk.recommend.feed.FeedSnapshots} keeps
 * computed feeds for the reader's later pages and visits, {@link io.newsdesk.recommend.feed.FeedRefresher} keeps
 * them true to the reader's events, {@link io.newsdesk.recommend.feed.FeedWarmer} computes them ahead of visits, and
 * {@link io.newsdesk.recommend.feed.ArrivalSplice} places articles that arrived since into them.
 */
package io.newsdesk.recommend.feed;
