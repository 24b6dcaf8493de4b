/**
 * Benchmarks of the platform: embedding throughput against plain DJL, indexing throughput, search latency at
 * 100,000 articles and search relevance on real news. Run with {@code ./newsdesk bench}; each variant is
 * measured side by side with its reference in one run, and the results are written as Markdown.
 */
package io.newsdesk.bench;
