package io.newsdesk.core.content;

import java.util.List;

/** A page of a reader's history, newest first; {@code nextCursor} is null on the last page. */
public record HistoryPage(String readerId, List<HistoryEntry> items, String nextCursor) {
}
