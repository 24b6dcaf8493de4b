package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Greedy maximal marginal relevance (Carbonell and Goldstein, SIGIR 1998): repeatedly take the candidate whose
 * relevance minus {@code redundancyWeight} times its greatest similarity to those already taken is highest. Each
 * candidate's greatest similarity is updated against the newest pick only.
 */
final class MaximalMarginalRelevance {

    private MaximalMarginalRelevance() {
    }

    /**
     * @param candidates indices into {@code relevance} and {@code vectors} to choose from
     * @param admissible whether a candidate may join the picks so far (e.g. a word budget); inadmissible ones wait
     * @return the picks, in the order taken
     */
    static List<Integer> select(List<Integer> candidates, double[] relevance, float[][] vectors, int count,
            double redundancyWeight, BiPredicate<Integer, List<Integer>> admissible) {
        List<Integer> chosen = new ArrayList<>();
        double[] redundancy = new double[vectors.length];
        List<Integer> left = new ArrayList<>(candidates);
        while (chosen.size() < count && !left.isEmpty()) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i : left) {
                double value = relevance[i] - redundancyWeight * redundancy[i];
                if (value > bestValue && admissible.test(i, chosen)) {
                    bestValue = value;
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            chosen.add(best);
            left.remove(Integer.valueOf(best));
            for (int i : left) {
                redundancy[i] = Math.max(redundancy[i], Vectors.dot(vectors[i], vectors[best]));
            }
        }
        return chosen;
    }
}
