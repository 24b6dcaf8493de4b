package io.newsdesk.core.index;

import java.time.Instant;
import java.util.List;

/** What the index holds of an article: its searchable text, its filters and its document vector. */
public record IndexedArticle(String id, String title, String standfirst, String bodyText, String section,
        String language, String kind, List<String> tags, List<String> authors, Instant publishedAt,
        String canonicalUrl, float[] vector) {
}
