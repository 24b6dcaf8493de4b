package io.newsdesk.core.index;

/**
 * Knobs of hybrid search.
 *
 * @param candidates     hits each retriever contributes to the fusion (at least the page end), 10..1000
 * @param rrfK           reciprocal rank fusion constant: a hit at rank r scores weight / (rrfK + r); Cormack et al.
 *                       (2009) use 60, a smaller value lets the top of each list count for more
 * @param bm25Weight     weight of the BM25 ranking in the fusion
 * @param vectorWeight   weight of the vector ranking in the fusion
 */
public record SearchTuning(int candidates, int rrfK, double bm25Weight, double vectorWeight) {

    public static final int MAX_DEPTH = 1000;

    public SearchTuning {
        if (candidates < 10 || candidates > MAX_DEPTH) {
            throw new IllegalArgumentException("candidates must be in [10, " + MAX_DEPTH + "], got " + candidates);
        }
        if (rrfK < 1) {
            throw new IllegalArgumentException("rrfK must be positive, got " + rrfK);
        }
        if (bm25Weight < 0 || vectorWeight < 0 || bm25Weight + vectorWeight == 0) {
            throw new IllegalArgumentException("fusion weights must be non-negative and not both zero, got "
                    + bm25Weight + " and " + vectorWeight);
        }
    }

    /**
     * Vectors weigh double and the top ranks count strongly: on the MIND sample, bge-small-en-v1.5 alone beats BM25
     * on both query sets, and BM25 then mainly settles near-ties (names, exact words). See bench/results/platform.md.
     */
    public static SearchTuning defaults() {
        return new SearchTuning(100, 20, 0.5, 1.0);
    }
}
