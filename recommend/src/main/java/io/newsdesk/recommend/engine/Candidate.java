package io.newsdesk.recommend.engine;

/**
 * An article a source proposes, with the source's own score (comparable within the source only) and the reason
 * the source would give.
 */
public record Candidate(String articleId, String source, double score, String reason) {
}
