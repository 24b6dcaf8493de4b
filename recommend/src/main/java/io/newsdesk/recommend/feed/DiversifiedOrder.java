package io.newsdesk.recommend.feed;

import io.newsdesk.core.embed.Vectors;
import io.newsdesk.recommend.RecommendConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feed's candidates in the order maximal marginal relevance picks them, with a cap on any one section's share;
 * a candidate whose vector is as close to a chosen item as the near-duplicate threshold (the same story filed twice)
 * is dropped. The order is greedy, so its first n items do not depend on how many more are picked: it is extended
 * only as far as pages ask ({@link #upTo}). Each candidate keeps its greatest similarity to the items chosen so far,
 * updated only against the newest choice, so a pick costs one dot product per remaining candidate.
 */
final class DiversifiedOrder implements FeedOrder {

    private final List<FeedCandidate> ranked;
    private final Set<String> ids = new HashSet<>();
    private final Settings config;
    private final float[][] vector;
    private final double[] redundancy;
    private final boolean[] gone;
    private final int[] sectionOf;
    private final int[] leftPerSection;
    private final int[] perSection;
    private final double top;
    private final List<FeedCandidate> chosen = new ArrayList<>();
    private int left;

    /** {@code ranked} best first; {@code vectors} by article id (an article without one is never a duplicate). */
    DiversifiedOrder(List<FeedCandidate> ranked, Map<String, float[]> vectors, Settings config) {
        this.ranked = List.copyOf(ranked);
        this.config = config;
        int n = ranked.size();
        top = n == 0 ? 1 : ranked.get(0).score();
        vector = new float[n][];
        redundancy = new double[n];
        gone = new boolean[n];
        sectionOf = new int[n];
        // sections as small integers: every pick asks about them for every candidate
        Map<String, Integer> sectionIndex = new HashMap<>();
        for (int i = 0; i < n; i++) {
            vector[i] = vectors.get(ranked.get(i).article().id());
            ids.add(ranked.get(i).article().id());
            sectionOf[i] = sectionIndex.computeIfAbsent(ranked.get(i).article().section(), k -> sectionIndex.size());
        }
        leftPerSection = new int[sectionIndex.size()];
        perSection = new int[sectionIndex.size()];
        for (int i = 0; i < n; i++) {
            leftPerSection[sectionOf[i]]++;
        }
        left = n;
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
        List<FeedCandidate> kept = new ArrayList<>();
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            String id = ranked.get(i).article().id();
            if (!articleIds.contains(id)) {
                kept.add(ranked.get(i));
                vectors.put(id, vector[i]);
            }
        }
        return new DiversifiedOrder(kept, vectors, config);
    }

    @Override
    public boolean offers(String articleId) {
        return ids.contains(articleId);
    }

    private boolean pickNext() {
        int n = ranked.size();
        int best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double cap = Math.max(2, config.maxSectionShare() * (chosen.size() + 1));
        for (int i = 0; i < n; i++) {
            if (gone[i]) {
                continue;
            }
            int section = sectionOf[i];
            if (redundancy[i] >= config.nearDuplicateSimilarity()) {
                gone[i] = true;
                left--;
                leftPerSection[section]--;
                continue;
            }
            if (chosen.size() >= 3 && perSection[section] + 1 > cap && left - leftPerSection[section] > 0) {
                continue;
            }
            double value = config.mmrLambda() * ranked.get(i).score() / top - (1 - config.mmrLambda()) * redundancy[i];
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
        leftPerSection[sectionOf[best]]--;
        perSection[sectionOf[best]]++;
        chosen.add(ranked.get(best));
        if (vector[best] != null) {
            for (int i = 0; i < n; i++) {
                if (!gone[i] && vector[i] != null) {
                    redundancy[i] = Math.max(redundancy[i], Vectors.dot(vector[i], vector[best]));
                }
            }
        }
        return true;
    }
}
