package io.newsdesk.recommend.eval;

/** One logged interaction: who, what, how strongly (a rating, or 1 for an implicit event) and when. */
public record Interaction(String user, String item, double strength, long time) {
}
