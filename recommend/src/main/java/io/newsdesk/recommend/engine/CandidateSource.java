package io.newsdesk.recommend.engine;

import java.util.List;

/**
 * Proposes articles for a reader's feed, best first, under a stable name that the feed reports as the item's
 * source ({@code vector-profile}, {@code item-neighbours}, {@code trending}, {@code fresh}).
 */
public interface CandidateSource {

    String name();

    /** Up to {@code limit} candidates for the reader, best first; may include seen articles (the feed filters). */
    List<Candidate> candidates(ReaderContext reader, String section, int limit);
}
