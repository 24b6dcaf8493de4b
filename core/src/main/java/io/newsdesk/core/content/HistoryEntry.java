package io.newsdesk.core.content;

import java.time.Instant;

/**
 * One event in a reader's history, with the article it concerned as it is now ({@code article} is null when the
 * article has been deleted since, or for a subscribe).
 */
public record HistoryEntry(String eventId, EventType type, String articleId, ArticleRef article, String target,
        Integer seconds, String source, Instant occurredAt) {

    /** The few article fields a history needs. */
    public record ArticleRef(String title, String section, ArticleKind kind) {
    }
}
