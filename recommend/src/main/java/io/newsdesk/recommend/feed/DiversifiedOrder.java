package io.newsdesk.recommend.feed;

import io.newsdesk.core.embed.Vectors;
import io.newsdesk.recommend.RecommendConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A feed's candidates in the order maximal marginal relevance picks them, with a cap on any one section's share;
 * a candidate whose vector is as close to a chosen item as the near-duplicate threshold (the same story filed twice)
 * is dropped. The order is greedy, so its first n items do not depend on how many more are picked: it is extended
 * only as far as pages ask ({@link #upTo}). Each candidate keeps its greatest similarity to the items chosen so far,
 * updated only against the newest choice.
 *
 * <p>The candidates and every similarity computed for a choice are shared with the copies {@link #without} makes
 * (a kept feed is copied each time its reader comes back having read something from it), so a copy repeats the
 * original's dot products only for items the original never chose.
 */
final class DiversifiedOrder implements FeedOrder {

    private final Candidates candidates;
    private final Settings config;
    private final Set<String> removed;
    private final boolean[] gone;
    private final double[] redundancy;
    private final int[] leftPerSection;
    private final int[] perSection;
    private final double top;
    private final List<FeedCandidate> chosen = new ArrayList<>();
    private int left;

    /** {@code ranked} best first; {@code vectors} by article id (an article without one is never a duplicate). */
    DiversifiedOrder(List<FeedCandidate> ranked, Map<String, float[]> vectors, Settings config) {
        this(new Candidates(ranked, vectors), config, Set.of());
    }

    private DiversifiedOrder(Candidates candidates, Settings config, Set<String> removed) {
        this.candidates = candidates;
        this.config = config;
        this.removed = removed;
        int n = candidates.size();
        gone = new boolean[n];
        redundancy = new double[n];
        leftPerSection = new int[candidates.sections];
        perSection = new int[candidates.sections];
        for (String id : removed) {
            Integer i = candidates.index.get(id);
            if (i != null) {
                gone[i] = true;
            }
        }
        double best = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (!gone[i]) {
                best = Double.isNaN(best) ? candidates.ranked.get(i).score() : best;
                leftPerSection[candidates.sectionOf[i]]++;
                left++;
            }
        }
        top = Double.isNaN(best) ? 1 : best;
    }

    /**
     * @param mmrLambda               relevance against novelty: 1 ignores redundancy
     * @param maxSectionShare         the largest share of the order one section may take once three items are chosen
     * @param nearDuplicateSimilarity the cosine similarity to a chosen item at which a candidate is dropped
     */
    record Settings(double mmrLambda, double maxSectionShare, double nearDuplicateSimilarity) {

        static Settings of(RecommendConfig.Feed feed) {
            return new Settings(feed.mmrLambda(), feed.maxSectionShare(), feed.nearDuplicateSimilarity());
        }
    }

    @Override
    public synchronized List<FeedCandidate> upTo(int count) {
        while (chosen.size() < count && pickNext()) {
            // each pick extends chosen
        }
        return List.copyOf(chosen.subList(0, Math.min(count, chosen.size())));
    }

    /** The same candidates less some articles, ordered afresh. */
    @Override
    public DiversifiedOrder without(Set<String> articleIds) {
        Set<String> all = new java.util.HashSet<>(removed);
        all.addAll(articleIds);
        return new DiversifiedOrder(candidates, config, Set.copyOf(all));
    }

    @Override
    public boolean offers(String articleId) {
        return candidates.index.containsKey(articleId) && !removed.contains(articleId);
    }

    private boolean pickNext() {
        int n = candidates.size();
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double cap = Math.max(2, config.maxSectionShare() * (chosen.size() + 1));
        for (int i = 0; i < n; i++) {
            if (gone[i]) {
                continue;
            }
            int section = candidates.sectionOf[i];
            if (redundancy[i] >= config.nearDuplicateSimilarity()) {
                gone[i] = true;
                left--;
                leftPerSection[section]--;
                continue;
            }
            if (chosen.size() >= 3 && perSection[section] + 1 > cap && left - leftPerSection[section] > 0) {
                continue;
            }
            double value = config.mmrLambda() * candidates.ranked.get(i).score() / top - (1 - config.mmrLambda()) * redundancy[i];
            if (value > bestValue) {
                bestValue = value;
                best = i;
            }
        }
        for (int i = 0; i < n && best < 0; i++) {
            best = gone[i] ? -1 : i;
        }
        if (best < 0) {
            return false;
        }
        gone[best] = true;
        left--;
        leftPerSection[candidates.sectionOf[best]]--;
        perSection[candidates.sectionOf[best]]++;
        chosen.add(candidates.ranked.get(best));
        float[] similarity = candidates.similaritiesTo(best);
        if (similarity != null) {
            for (int i = 0; i < n; i++) {
                if (!gone[i]) {
                    redundancy[i] = Math.max(redundancy[i], similarity[i]);
                }
            }
        }
        return true;
    }

    /**
     * A feed's candidates as computed, never changed: best first, with their vectors, sections as small integers
     * (every pick asks about them for every candidate), and the similarities of all of them to each candidate that
     * was chosen, computed at its first choice.
     */
    private static final class Candidates {

        final List<FeedCandidate> ranked;
        final Map<String, Integer> index = new HashMap<>();
        final float[][] vector;
        final int[] sectionOf;
        final int sections;
        private final AtomicReferenceArray<float[]> similarities;

        Candidates(List<FeedCandidate> ranked, Map<String, float[]> vectors) {
            this.ranked = List.copyOf(ranked);
            int n = ranked.size();
            vector = new float[n][];
            sectionOf = new int[n];
            similarities = new AtomicReferenceArray<>(n);
            Map<String, Integer> sectionIndex = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String id = ranked.get(i).article().id();
                vector[i] = vectors.get(id);
                index.put(id, i);
                sectionOf[i] = sectionIndex.computeIfAbsent(ranked.get(i).article().section(), k -> sectionIndex.size());
            }
            sections = sectionIndex.size();
        }

        int size() {
            return ranked.size();
        }

        /** Every candidate's cosine similarity to candidate {@code j} (0 where either has no vector); null without one. */
        float[] similaritiesTo(int j) {
            if (vector[j] == null) {
                return null;
            }
            float[] row = similarities.get(j);
            if (row == null) {
                // two orders computing the same row at once compute the same numbers; either may stay
                row = new float[vector.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = vector[i] == null ? 0 : Vectors.dot(vector[i], vector[j]);
                }
                similarities.set(j, row);
            }
            return row;
        }
    }
}
