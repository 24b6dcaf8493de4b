package io.newsdesk.core.content;

import java.time.Instant;
import java.util.List;

/** An article without its body, as lists show it. */
public record ArticleSummary(String id, String title, String standfirst, String section, ArticleKind kind,
        String language, List<String> tags, Instant publishedAt, long version) {

    static ArticleSummary of(Article a) {
        return new ArticleSummary(a.id, a.title, a.standfirst, a.section, ArticleKind.fromCode(a.kind), a.language,
                List.of(a.tags), a.publishedAt, a.version);
    }
}
