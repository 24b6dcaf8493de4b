package io.newsdesk.recommend.picks;

import java.time.Instant;

/**
 * An article the editors push into feeds.
 *
 * @param section null for every reader, else readers who follow or read that section
 * @param note    shown to readers as the reason, e.g. "Our investigation"
 * @param until   when the pick ends; null for until removed
 */
public record EditorPick(String articleId, String title, String section, String note, Instant pickedAt, Instant until) {
}
