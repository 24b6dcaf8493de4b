package io.newsdesk.recommend.ranker;

import io.newsdesk.core.content.ArticleKind;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.recommend.engine.ReaderContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The features of a (reader, article) pair at a moment, computed only from what was known then: what the reader and
 * article are ({@link #BASE}), then how each candidate source ranked the article when the feed was served
 * ({@link #SOURCES}; 1 for a source's first item, falling like reciprocal rank fusion, 0 when the source did not
 * propose it). A model names the features it was trained on, so versions trained with and without source scores
 * can both be served.
 */
public final class RankingFeatures {

    public static final List<String> BASE = List.of("profile_similarity", "section_affinity", "followed_section",
            "log_age_hours", "log_recent_engagements", "log_reader_events", "is_media");
    /** The candidate sources whose rank is a feature, in feature order. */
    public static final List<String> SOURCES = List.of("vector-profile", "item-neighbours", "user-neighbours",
            "matrix-model", "bm25-interests", "editor-picks", "trending", "fresh");
    public static final List<String> NAMES = names();
    public static final int COUNT = NAMES.size();

    private RankingFeatures() {
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>(BASE);
        SOURCES.forEach(s -> names.add("source_" + s.replace('-', '_')));
        return List.copyOf(names);
    }

    /**
     * @param interests     the reader's interest centroids at that moment (may be empty)
     * @param vector        the article's document vector (may be null)
     * @param recentReaders engagements (clicks, views, reads, likes, shares) with the article in the day before
     * @param sourceRanks   per {@link #SOURCES} entry the source's rank score, or null when the feed was not logged
     */
    public static float[] of(ReaderContext reader, List<float[]> interests, ArticleSummary article, float[] vector,
            long recentReaders, Instant at, float[] sourceRanks) {
        float similarity = 0;
        if (vector != null) {
            for (float[] centroid : interests) {
                similarity = Math.max(similarity, Vectors.dot(centroid, vector));
            }
        }
        double ageHours = Math.max(0, Duration.between(article.publishedAt(), at).toMinutes() / 60.0);
        float[] row = new float[COUNT];
        row[0] = similarity;
        row[1] = (float) reader.sectionAffinity().getOrDefault(article.section(), 0.0).doubleValue();
        row[2] = reader.followedSections().contains(article.section()) ? 1f : 0f;
        row[3] = (float) Math.log1p(ageHours);
        row[4] = (float) Math.log1p(recentReaders);
        row[5] = (float) Math.log1p(reader.events());
        row[6] = article.kind() == ArticleKind.ARTICLE ? 0f : 1f;
        if (sourceRanks != null) {
            System.arraycopy(sourceRanks, 0, row, BASE.size(), SOURCES.size());
        }
        return row;
    }

    /** A source's rank score: 1 for its first item, then (k + 1) / (k + rank) as in the feed's fusion. */
    public static float sourceRank(int rank, int fusionK) {
        return (fusionK + 1f) / (fusionK + rank);
    }

    /** The columns of {@code rows} that a model trained on {@code names} reads, in its order. */
    public static float[][] project(float[][] rows, List<String> names) {
        if (names.equals(NAMES)) {
            return rows;
        }
        int[] columns = names.stream().mapToInt(name -> {
            int i = NAMES.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("unknown ranking feature " + name);
            }
            return i;
        }).toArray();
        float[][] projected = new float[rows.length][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                projected[r][c] = rows[r][columns[c]];
            }
        }
        return projected;
    }

    /** The transparent score the feed uses without a learned ranker: profile similarity plus section affinity. */
    public static float heuristic(float[] features) {
        return features[0] + features[1] + 0.5f * features[2];
    }
}
