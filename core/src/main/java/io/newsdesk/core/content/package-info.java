/**
 * Articles and reader events, the source of truth in PostgreSQL.
 *
 * <p>Entities ({@link io.newsdesk.core.content.Article}, {@link io.newsdesk.core.content.Reader}) stay inside this
 * package and its services; everything that leaves is a record ({@link io.newsdesk.core.content.ArticleView},
 * {@link io.newsdesk.core.content.HistoryEntry}). Every write fires a past-tense event
 * ({@link io.newsdesk.core.content.ArticleChanged}, {@link io.newsdesk.core.content.ReaderEventsRecorded}) after
 * it commits, which is how the index and the recommender learn about it.
 */
package io.newsdesk.core.content;
