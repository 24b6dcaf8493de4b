/**
 * Recommendations for the reader portal: candidate sources and the classic recommenders ({@code engine}), the
 * matrix model ({@code matrix}), the DJL-trained ranker ({@code ranker}), feed assembly ({@code feed}), editor picks
 * ({@code picks}), related articles and trending here, the offline evaluation ({@code eval}) and the REST resources
 * ({@code api}). Depends on {@code io.newsdesk.core} only.
 */
package io.newsdesk.recommend;
