/**
 * The collaborative matrix model of the live service: implicit ALS factors of readers and articles, retrained by
 * the {@code matrix-model-training} job from recent engagement and served as the {@code matrix-model} candidate
 * source.
 */
package io.newsdesk.recommend.matrix;
