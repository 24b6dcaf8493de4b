package io.newsdesk.recommend;

import io.newsdesk.core.content.ArticleKind;
import java.time.Instant;
import java.util.List;

/**
 * One recommended item with the reason it was chosen.
 *
 * @param score   the ranking score (comparable within one response only)
 * @param sources the candidate sources that proposed it, e.g. {@code trending}, {@code content-similar}
 * @param reason  why, in words a reader can be shown
 */
public record Recommendation(String id, String title, String section, ArticleKind kind, Instant publishedAt,
        double score, List<String> sources, String reason) {
}
