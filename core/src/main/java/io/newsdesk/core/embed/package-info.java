/**
 * Text embeddings: one {@link io.newsdesk.core.embed.TextEmbedder} interface, the bge-small-en-v1.5 implementation
 * on DJL's OnnxRuntime engine, and the passage chunking that lets long articles be embedded whole instead of
 * truncated. The index, the recommender and the editor tools all take their vectors from here.
 */
package io.newsdesk.core.embed;
