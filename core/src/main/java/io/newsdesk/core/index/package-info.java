/**
 * The Lucene index of articles, a cache derived from PostgreSQL that can always be rebuilt from it.
 *
 * <p>One document per article; the fields are listed in {@link io.newsdesk.core.index.IndexFields}. Text fields are
 * analysed with Lucene's {@code EnglishAnalyzer} and scored with BM25; the document vector (bge-small-en-v1.5, 384
 * dimensions, unit length, dot-product similarity) is in an HNSW graph, optionally int8-quantised. The last commit's
 * user data records what the index covers (schema, embedder, vector format, content change sequence), which is how
 * a start decides between using it, catching it up, and rebuilding it.
 *
 * <p>{@link io.newsdesk.core.index.HybridSearcher} runs BM25 and vector retrieval and fuses them by reciprocal rank.
 */
package io.newsdesk.core.index;
