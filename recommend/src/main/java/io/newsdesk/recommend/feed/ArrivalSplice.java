package io.newsdesk.recommend.feed;

import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.recommend.RecommendConfig;
import io.newsdesk.recommend.TrendingService;
import io.newsdesk.recommend.engine.VectorProfileSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Places articles that arrived after a kept feed was computed into its first page, as the fresh and vector-profile
 * sources would have proposed them: an arrival in a section the reader follows, one close enough to join one of their
 * interest clusters ({@link VectorProfileSource#JOIN_SIMILARITY}), or one in a section they read most. A reader
 * with no history takes any arrival. At most {@code newsdesk.recommend.feed.arrivals-per-feed} arrivals are placed,
 * newest first ({@link SplicedOrder}); the feed's next computation ranks them with everything else.
 */
@ApplicationScoped
public class ArrivalSplice {

    private final Arrivals arrivals;
    private final ArticleService articles;
    private final IndexSync index;
    private final int limit;

    public ArrivalSplice(Arrivals arrivals, ArticleService articles, IndexSync index, RecommendConfig config) {
        this.arrivals = arrivals;
        this.articles = articles;
        this.index = index;
        this.limit = config.feed().arrivalsPerFeed();
    }

    /**
     * The snapshot with the arrivals since it last looked placed into it: a copy with a new id when some match, the
     * same snapshot (noting that it looked) when none does, and {@code feed} itself when nothing arrived.
     */
    FeedSnapshot splice(FeedSnapshot feed, Instant now, LongSupplier ids) {
        List<Arrivals.Arrival> arrived = arrivals.after(feed.arrivalsUntil());
        if (arrived.isEmpty() || limit == 0) {
            return feed;
        }
        Instant until = arrived.get(0).at();
        List<String> candidates = arrived.stream().map(Arrivals.Arrival::articleId)
                .filter(id -> !feed.leftOut(id) && !feed.order().offers(id)).toList();
        Map<String, ArticleSummary> summaries = articles.summaries(candidates);
        Map<String, float[]> vectors = index.documentVectors(candidates);
        List<FeedCandidate> matched = new ArrayList<>();
        for (String id : candidates) {
            ArticleSummary article = summaries.get(id);
            if (article == null || article.publishedAt().isAfter(now)
                    || (feed.section() != null && !feed.section().equals(article.section()))) {
                continue; // deleted, embargoed, or outside the section filter
            }
            FeedCandidate match = match(feed, article, vectors.get(id));
            if (match != null && matched.size() < limit) {
                matched.add(match);
            }
        }
        if (matched.isEmpty()) {
            return feed.withArrivals(feed.id(), feed.order(), until);
        }
        FeedOrder order = feed.order();
        if (order instanceof SplicedOrder earlier) {
            order = earlier.withNewer(matched, limit);
        } else {
            order = new SplicedOrder(matched, order);
        }
        return feed.withArrivals(ids.getAsLong(), order, until);
    }

    /** The arrival as a candidate of this reader's feed, with the reason it matches; null when it does not. */
    private static FeedCandidate match(FeedSnapshot feed, ArticleSummary article, float[] vector) {
        ReaderInterests reader = feed.interests();
        String section = TrendingService.capitalise(article.section());
        if (reader.followedSections().contains(article.section())) {
            return arrival(article, 1, "fresh", "new in " + section + ", a section you follow");
        }
        if (vector != null) {
            for (ReaderInterests.Interest interest : reader.clusters()) {
                double similarity = Vectors.dot(interest.centroid(), vector);
                if (similarity >= VectorProfileSource.JOIN_SIMILARITY) {
                    return arrival(article, similarity, "vector-profile",
                            "new, close to \u201c" + interest.anchorTitle() + "\u201d, which you read");
                }
            }
        }
        if (reader.frequentSections().contains(article.section())) {
            return arrival(article, 0.5, "fresh", "new in " + section + ", which you read often");
        }
        if (feed.coldStart()) {
            return arrival(article, 0.5, "fresh", "new on the site");
        }
        return null;
    }

    private static FeedCandidate arrival(ArticleSummary article, double score, String source, String reason) {
        return new FeedCandidate(article, score, List.of(source), reason, null);
    }
}
