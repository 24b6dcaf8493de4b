package io.newsdesk.core.content;

import java.util.Set;

/** New reader events were stored for these readers; fired after the transaction commits. */
public record ReaderEventsRecorded(Set<String> readerIds, int events) {
}
