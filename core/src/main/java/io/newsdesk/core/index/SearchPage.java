package io.newsdesk.core.index;

import java.util.List;

/**
 * A page of search results.
 *
 * @param available  hits the query has in all, up to the retrieval depth
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record SearchPage(String query, SearchMode mode, int available, List<SearchHit> items, String nextCursor) {
}
