package io.newsdesk.core.index;

import java.time.Instant;

/**
 * One search result.
 *
 * @param score          reciprocal-rank score (fused over both retrievers in hybrid mode)
 * @param titleHighlight the title, HTML-escaped, with matched words in {@code <mark>}
 * @param snippet        the best passage of the standfirst or body, HTML-escaped, with matches in {@code <mark>}
 * @param bm25Rank       rank in the BM25 list (1-based), null when BM25 did not find it
 * @param vectorRank     rank in the vector list (1-based), null when vector search did not find it
 */
public record SearchHit(String id, String title, String standfirst, String section, String kind, String language,
        Instant publishedAt, String url, double score, String titleHighlight, String snippet, Integer bm25Rank,
        Integer vectorRank) {
}
