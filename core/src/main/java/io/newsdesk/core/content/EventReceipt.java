package io.newsdesk.core.content;

import java.util.List;

/**
 * What happened to a batch: how many events were stored, how many had been stored before (a retry), and which
 * were refused because their article does not exist.
 */
public record EventReceipt(int received, int accepted, int duplicates, List<Rejected> rejected) {

    /** An event that was not stored: its position in the batch, its id and why. */
    public record Rejected(int index, String id, String reason) {
    }
}
