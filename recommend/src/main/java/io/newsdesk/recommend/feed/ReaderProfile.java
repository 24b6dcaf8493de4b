package io.newsdesk.recommend.feed;

import java.util.List;

/**
 * What the recommender believes a reader is interested in.
 *
 * @param sections         sections by share of the reader's (time-decayed) engagement
 * @param followedSections sections the reader subscribed to
 * @param interests        the reader's interest clusters, each named by its most engaged article
 * @param events           events considered (last 180 days)
 */
public record ReaderProfile(String readerId, List<SectionShare> sections, List<String> followedSections,
        List<String> interests, int events) {

    /** One section and its share, 0 to 1. */
    public record SectionShare(String section, double share) {
    }
}
