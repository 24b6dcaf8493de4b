/**
 * Recommendations for the reader portal: candidate sources (vector profile, BM25 interests, item and user
 * neighbours, matrix factorisation, fresh, trending, editor picks), the DJL-trained ranker, re-ranking and the
 * offline evaluation. Depends on {@code io.newsdesk.core} only. Built under issue 11; empty until then.
 */
package io.newsdesk.recommend;
