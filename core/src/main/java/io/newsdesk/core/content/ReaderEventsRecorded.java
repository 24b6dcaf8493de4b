package io.newsdesk.core.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * New reader events were stored for these readers; fired after the transaction commits.
 *
 * @param engagements the batch's engagements (view, click, read, like, share) with each article's section, so
 *                    that in-memory views of who read what can grow without reading the database again
 */
public record ReaderEventsRecorded(Set<String> readerIds, int events, List<Engagement> engagements) {

    /** A reader engaged with an article of a section at a moment. */
    public record Engagement(String readerId, String articleId, String section, Instant at) {
    }
}
