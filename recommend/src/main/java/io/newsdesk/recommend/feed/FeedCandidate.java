package io.newsdesk.recommend.feed;

import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.recommend.Recommendation;
import java.util.List;

/**
 * An article proposed for a feed: its score (fusion, or the ranker's click probability), the sources that proposed
 * it, the reason of the one that contributed most, and each source's rank score as the ranker's features saw them.
 */
record FeedCandidate(ArticleSummary article, double score, List<String> sources, String reason, float[] sourceRanks) {

    FeedCandidate withScore(double newScore) {
        return new FeedCandidate(article, newScore, sources, reason, sourceRanks);
    }

    FeedCandidate withArticle(ArticleSummary current) {
        return new FeedCandidate(current, score, sources, reason, sourceRanks);
    }

    Recommendation recommendation() {
        return new Recommendation(article.id(), article.title(), article.section(), article.kind(),
                article.publishedAt(), Math.round(score * 1e6) / 1e6, sources, reason);
    }
}
