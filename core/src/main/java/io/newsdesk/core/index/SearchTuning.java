package io.newsdesk.core.index;

/**
 * Knobs of hybrid search.
 *
 * @param candidates     hits each retriever contributes to the fusion (at least the page end), 10..1000
 * @param rrfK           reciprocal rank fusion constant: a hit at rank r scores weight / (rrfK + r); 60 is the
 *                       value of Cormack et al. (2009)
 * @param bm25Weight     weight of the BM25 ranking in the fusion
 * @param vectorWeight   weight of the vector ranking in the fusion
 * @param titleBoost     BM25 boost of title matches over body matches
 * @param standfirstBoost BM25 boost of standfirst matches over body matches
 */
public record SearchTuning(int candidates, int rrfK, double bm25Weight, double vectorWeight, float titleBoost,
        float standfirstBoost) {

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

    public static SearchTuning defaults() {
        return new SearchTuning(100, 60, 1.0, 1.0, 2.0f, 1.5f);
    }
}
