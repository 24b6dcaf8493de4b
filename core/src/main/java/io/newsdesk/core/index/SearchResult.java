package io.newsdesk.core.index;

import java.util.List;

/**
 * A page of hits.
 *
 * @param available how many hits the query has in all, up to the retrieval depth; pages end there
 */
public record SearchResult(List<SearchHit> hits, int available) {
}
