package io.newsdesk.core.index;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which retrievers a search uses: both fused (the default), or one alone for comparison. */
public enum SearchMode {
    @JsonProperty("hybrid") HYBRID,
    @JsonProperty("bm25") BM25,
    @JsonProperty("vector") VECTOR;

    public static SearchMode fromCode(String code) {
        for (SearchMode mode : values()) {
            if (mode.name().equalsIgnoreCase(code)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be hybrid, bm25 or vector, got " + code);
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean usesBm25() {
        return this != VECTOR;
    }

    boolean usesVectors() {
        return this != BM25;
    }
}
