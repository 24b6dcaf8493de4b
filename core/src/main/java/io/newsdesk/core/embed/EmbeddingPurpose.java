package io.newsdesk.core.embed;

/**
 * What a text is embedded for. Asymmetric retrieval models (bge among them) embed a search query differently from
 * the passages it should find.
 */
public enum EmbeddingPurpose {
    /** A short search query or question, matched against documents. */
    QUERY,
    /** A passage to be found: article text, a title, a reader's interest. */
    DOCUMENT
}
