package io.newsdesk.recommend.feed;

import java.util.List;
import java.util.Set;

/**
 * What a kept feed remembers of its reader to judge articles that arrive after it was computed: the sections they
 * follow, the sections they read most, and their interest clusters (centroids of the document vectors they engaged
 * with, each named by the title of the article that weighs most in it).
 */
record ReaderInterests(Set<String> followedSections, List<String> frequentSections, List<Interest> clusters) {

    /** One interest cluster: a unit-length centroid and the title that names it. */
    record Interest(float[] centroid, String anchorTitle) {
    }

    static final ReaderInterests NONE = new ReaderInterests(Set.of(), List.of(), List.of());
}
