/**
 * Recommendation engines behind one interface, {@link io.newsdesk.recommend.engine.Recommender}, each named for
 * its technique: most popular, item-kNN and user-kNN (cosine), EASE, implicit ALS. They work on dense integer ids
 * of an {@link io.newsdesk.recommend.engine.Interactions} matrix, so that the offline evaluation and the live
 * service run the same code.
 */
package io.newsdesk.recommend.engine;
