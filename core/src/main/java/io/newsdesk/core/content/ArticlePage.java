package io.newsdesk.core.content;

import java.util.List;

/** One page of an article listing; {@code nextCursor} is null on the last page. */
public record ArticlePage(List<ArticleSummary> items, String nextCursor) {
}
