package io.newsdesk.core.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * New reader events were stored for these readers; fired after the transaction commits.
 *
 * @param engagements the batch's engagements (view, click, read, like, share) with each article's section, so
 *                    that in-memory views of who read what can grow without reading the database again
 * @param hides       the batch's hide events
 * @param followers   readers whose batch subscribed them to something
 */
public record ReaderEventsRecorded(Set<String> readerIds, int events, List<Engagement> engagements, List<Hide> hides,
        Set<String> followers) {

    /** A reader engaged with an article of a section at a moment. */
    public record Engagement(String readerId, String articleId, String section, Instant at) {
    }

    /** A reader asked not to see an article again. */
    public record Hide(String readerId, String articleId) {
    }
}
