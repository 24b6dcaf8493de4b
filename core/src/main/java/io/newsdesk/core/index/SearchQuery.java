package io.newsdesk.core.index;

/**
 * A search as the searcher runs it.
 *
 * @param text   what the reader typed; "quoted parts" are matched as phrases by BM25
 * @param offset hits to skip (from the cursor)
 * @param limit  hits to return
 */
public record SearchQuery(String text, SearchFilters filters, SearchMode mode, int offset, int limit) {
}
