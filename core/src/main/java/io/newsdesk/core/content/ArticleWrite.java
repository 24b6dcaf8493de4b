package io.newsdesk.core.content;

/** What a PUT did: created the article, changed it, or found it already exactly so. */
public record ArticleWrite(ArticleView article, Outcome outcome) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED }
}
