package io.newsdesk.core.content;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as the service returns it: what was sent, the body as clean text, and the service's bookkeeping. */
@Schema(description = "A stored article with its clean text and version.")
public record ArticleView(
        String id,
        String title,
        String standfirst,
        @Schema(description = "The body exactly as it was sent.") String body,
        @Schema(description = "The body as clean plain text, paragraphs separated by blank lines.") String bodyText,
        BodyFormat bodyFormat,
        String section,
        List<String> tags,
        List<String> authors,
        String language,
        ArticleKind kind,
        Instant publishedAt,
        Instant updatedAt,
        String canonicalUrl,
        List<ImageRef> images,
        Integer durationSeconds,
        @Schema(description = "Increases on every change; the ETag is this number in quotes.") long version,
        Instant createdAt,
        Instant modifiedAt) {

    static ArticleView of(Article a) {
        return new ArticleView(a.id, a.title, a.standfirst, a.bodyRaw, a.bodyText, BodyFormat.fromCode(a.bodyFormat),
                a.section, List.of(a.tags), List.of(a.authors), a.language, ArticleKind.fromCode(a.kind),
                a.publishedAt, a.sourceUpdatedAt, a.canonicalUrl, List.copyOf(a.images), a.durationSeconds,
                a.version, a.createdAt, a.modifiedAt);
    }
}
