package io.newsdesk.recommend.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the recommender knows of a reader at a moment: engagement per article (typed, time-decayed), what they have
 * seen or hidden, the sections they follow, and their affinity per section.
 *
 * @param engagement       article id to decayed engagement weight, strongest first
 * @param seen             articles the reader opened (never recommended again)
 * @param hidden           articles the reader hid
 * @param followedSections sections the reader subscribed to
 * @param sectionAffinity  share of the reader's engagement per section (sums to 1 when there is any)
 * @param events           events considered
 */
public record ReaderContext(String readerId, Instant asOf, Map<String, Double> engagement, Set<String> seen,
        Set<String> hidden, Set<String> followedSections, Map<String, Double> sectionAffinity, int events) {

    /** True when the reader has engaged with nothing yet: only popular, fresh and followed content can be offered. */
    public boolean coldStart() {
        return engagement.isEmpty();
    }

    /** The reader's most engaged articles, strongest first. */
    public List<String> strongest(int n) {
        return engagement.keySet().stream().limit(n).toList();
    }
}
