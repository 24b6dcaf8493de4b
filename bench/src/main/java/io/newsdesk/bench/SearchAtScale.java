package io.newsdesk.bench;

import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.core.index.ArticleIndex;
import io.newsdesk.core.index.HybridSearcher;
import io.newsdesk.core.index.IndexedArticle;
import io.newsdesk.core.index.SearchFilters;
import io.newsdesk.core.index.SearchMode;
import io.newsdesk.core.index.SearchQuery;
import io.newsdesk.core.index.SearchResult;
import io.newsdesk.core.index.SearchTuning;
import io.newsdesk.core.index.VectorFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Indexing throughput and search latency on a synthetic index of {@code N} articles, for one vector format; and
 * the recall of its HNSW graph against an exact scan, so that a faster format shows what it costs.
 */
final class SearchAtScale {

    /** Latency of one search path. */
    record LatencyRow(String path, int searches, double p50, double p99, double mean) {
    }

    /** Results for one vector format. */
    record Result(VectorFormat format, int articles, double indexingPerSecond, double indexSeconds, double recallAt10,
            List<LatencyRow> latencies) {
    }

    private SearchAtScale() {
    }

    static Result run(VectorFormat format, List<IndexedArticle> articles, Path dir, List<String> queries,
            TextEmbedder embedder, int searches) {
        try (ArticleIndex index = ArticleIndex.open(dir, format)) {
            long t0 = System.nanoTime();
            for (int start = 0; start < articles.size(); start += 1000) {
                index.upsert(articles.subList(start, Math.min(articles.size(), start + 1000)));
            }
            index.commit(embedder.model(), 0, true);
            index.refresh();
            double seconds = (System.nanoTime() - t0) / 1e9;

            float[][] vectors = embedder.embed(queries, EmbeddingPurpose.QUERY).vectors();
            HybridSearcher searcher = new HybridSearcher(index, SearchTuning.defaults());
            double recall = recallAt10(searcher, articles, queries, vectors);
            List<LatencyRow> rows = new ArrayList<>();
            rows.add(latency("BM25 only", searcher, queries, vectors, SearchMode.BM25, searches, null));
            rows.add(latency("vector only (query vector given)", searcher, queries, vectors, SearchMode.VECTOR, searches, null));
            rows.add(latency("hybrid (query vector given)", searcher, queries, vectors, SearchMode.HYBRID, searches, null));
            rows.add(latency("hybrid incl. embedding the query", searcher, queries, vectors, SearchMode.HYBRID,
                    Math.min(searches, 500), embedder));
            rows.add(latency("hybrid, section filter", searcher, queries, vectors, SearchMode.HYBRID, searches, null, "sport"));
            return new Result(format, articles.size(), articles.size() / seconds, seconds, recall, rows);
        }
    }

    private static LatencyRow latency(String name, HybridSearcher searcher, List<String> queries, float[][] vectors,
            SearchMode mode, int searches, TextEmbedder embedder) {
        return latency(name, searcher, queries, vectors, mode, searches, embedder, null);
    }

    private static LatencyRow latency(String name, HybridSearcher searcher, List<String> queries, float[][] vectors,
            SearchMode mode, int searches, TextEmbedder embedder, String section) {
        SearchFilters filters = new SearchFilters(section, null, null, null, null);
        for (int i = 0; i < 200; i++) {
            searcher.search(new SearchQuery(queries.get(i % queries.size()), filters, mode, 0, 10), vectors[i % vectors.length]);
        }
        Latencies latencies = new Latencies();
        int found = 0;
        for (int i = 0; i < searches; i++) {
            int q = i % queries.size();
            long t0 = System.nanoTime();
            float[] vector = embedder == null ? vectors[q] : embedder.embed(List.of(queries.get(q)), EmbeddingPurpose.QUERY).vectors()[0];
            SearchResult result = searcher.search(new SearchQuery(queries.get(q), filters, mode, 0, 10), vector);
            latencies.add(System.nanoTime() - t0);
            found += result.hits().isEmpty() ? 0 : 1;
        }
        if (found == 0) {
            throw new IllegalStateException(name + " found nothing: the benchmark is broken");
        }
        return new LatencyRow(name, latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(99),
                latencies.meanMillis());
    }

    /** Share of the exact top 10 (by dot product over every vector) that the HNSW search returns. */
    private static double recallAt10(HybridSearcher searcher, List<IndexedArticle> articles, List<String> queries,
            float[][] vectors) {
        int hits = 0;
        int total = 0;
        int sample = Math.min(100, queries.size());
        for (int q = 0; q < sample; q++) {
            PriorityQueue<Object[]> best = new PriorityQueue<>((a, b) -> Float.compare((float) a[1], (float) b[1]));
            for (IndexedArticle a : articles) {
                float score = Vectors.dot(vectors[q], a.vector());
                if (best.size() < 10) {
                    best.add(new Object[] {a.id(), score});
                } else if (score > (float) best.peek()[1]) {
                    best.poll();
                    best.add(new Object[] {a.id(), score});
                }
            }
            Set<String> exact = new HashSet<>();
            best.forEach(e -> exact.add((String) e[0]));
            SearchResult result = searcher.search(new SearchQuery(queries.get(q), SearchFilters.none(), SearchMode.VECTOR, 0, 10), vectors[q]);
            for (var hit : result.hits()) {
                if (exact.contains(hit.id())) {
                    hits++;
                }
            }
            total += exact.size();
        }
        return (double) hits / total;
    }
}
