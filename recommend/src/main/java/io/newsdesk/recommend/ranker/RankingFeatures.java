package io.newsdesk.recommend.ranker;

import io.newsdesk.core.content.ArticleKind;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.recommend.engine.ReaderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The features of a (reader, article) pair at a moment, computed only from what was known then.
 */
public final class RankingFeatures {

    public static final List<String> NAMES = List.of("profile_similarity", "section_affinity", "followed_section",
            "log_age_hours", "log_recent_engagements", "log_reader_events", "is_media");
    public static final int COUNT = NAMES.size();

    private RankingFeatures() {
    }

    /**
     * @param interests     the reader's interest centroids at that moment (may be empty)
     * @param vector        the article's document vector (may be null)
     * @param recentReaders engagements (clicks, views, reads, likes, shares) with the article in the day before
     */
    public static float[] of(ReaderContext reader, List<float[]> interests, ArticleSummary article, float[] vector,
            long recentReaders, Instant at) {
        float similarity = 0;
        if (vector != null) {
            for (float[] centroid : interests) {
                similarity = Math.max(similarity, Vectors.dot(centroid, vector));
            }
        }
        double ageHours = Math.max(0, Duration.between(article.publishedAt(), at).toMinutes() / 60.0);
        return new float[] {
            similarity,
            (float) reader.sectionAffinity().getOrDefault(article.section(), 0.0).doubleValue(),
            reader.followedSections().contains(article.section()) ? 1f : 0f,
            (float) Math.log1p(ageHours),
            (float) Math.log1p(recentReaders),
            (float) Math.log1p(reader.events()),
            article.kind() == ArticleKind.ARTICLE ? 0f : 1f
        };
    }

    /** The transparent score the feed uses without a learned ranker: profile similarity plus section affinity. */
    public static float heuristic(float[] features) {
        return features[0] + features[1] + 0.5f * features[2];
    }
}
