package io.newsdesk.core.content;

/**
 * An article was stored or deleted; fired after the transaction commits.
 *
 * @param articleId the article
 * @param changeSeq the position of this change in the content change sequence
 * @param deleted   true when the article is gone
 * @param created   true when the article is new to the newsroom (not an edit of one already stored)
 */
public record ArticleChanged(String articleId, long changeSeq, boolean deleted, boolean created) {
}
