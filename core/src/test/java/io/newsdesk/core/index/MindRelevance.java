package io.newsdesk.core.index;

import io.newsdesk.core.embed.DocumentEmbedder;
import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures search relevance on the MIND news sample in {@code ../shared/data/news-mind-sample}: indexes its 1,500
 * articles (title, abstract as standfirst) with real vectors, runs each query set in each search mode and reports
 * the share of queries whose article is in the top 1, 3 and 10, and the mean reciprocal rank at 10.
 */
public final class MindRelevance implements AutoCloseable {

    /** One query: the article it looks for and the text. */
    public record Query(String articleId, String text) {
    }

    /** Quality of one mode on one query set. */
    public record Quality(int queries, double top1, double top3, double top10, double mrr10) {

        @Override
        public String toString() {
            return String.format("top1 %.2f  top3 %.2f  top10 %.2f  MRR@10 %.3f  (%d queries)", top1, top3, top10, mrr10, queries);
        }
    }

    private final ArticleIndex index;
    private final HybridSearcher searcher;
    private final TextEmbedder embedder;
    private final int articles;

    private MindRelevance(ArticleIndex index, HybridSearcher searcher, TextEmbedder embedder, int articles) {
        this.index = index;
        this.searcher = searcher;
        this.embedder = embedder;
        this.articles = articles;
    }

    /** Indexes {@code news.tsv} from {@code dataDir} into a fresh index under {@code indexDir}. */
    public static MindRelevance build(Path dataDir, Path indexDir, DocumentEmbedder documents, SearchTuning tuning,
            VectorFormat format) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("news.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5) {
                rows.add(f);
            }
        }
        ArticleIndex index = ArticleIndex.open(indexDir, format);
        int batch = 64;
        for (int start = 0; start < rows.size(); start += batch) {
            List<String[]> slice = rows.subList(start, Math.min(rows.size(), start + batch));
            List<DocumentEmbedder.Document> docs = slice.stream()
                    .map(f -> new DocumentEmbedder.Document(f[3], f[4], null)).toList();
            float[][] vectors = documents.embed(docs).vectors();
            List<IndexedArticle> indexed = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                String[] f = slice.get(i);
                indexed.add(new IndexedArticle(f[0], f[3], f[4].isBlank() ? null : f[4], null, f[1], "en", "article",
                        List.of(), List.of(), Instant.parse("2019-11-01T00:00:00Z"), null, vectors[i]));
            }
            index.upsert(indexed);
        }
        index.refresh();
        return new MindRelevance(index, new HybridSearcher(index, tuning), documents.embedder(), rows.size());
    }

    public static List<Query> queries(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 2);
            if (f.length == 2 && !f[1].isBlank()) {
                queries.add(new Query(f[0], f[1].strip()));
            }
        }
        return queries;
    }

    public int articles() {
        return articles;
    }

    public HybridSearcher searcher() {
        return searcher;
    }

    /** Quality of every mode on {@code queries}. */
    public Map<SearchMode, Quality> evaluate(List<Query> queries) {
        float[][] vectors = embedder.embed(queries.stream().map(Query::text).toList(), EmbeddingPurpose.QUERY).vectors();
        Map<SearchMode, Quality> result = new LinkedHashMap<>();
        for (SearchMode mode : SearchMode.values()) {
            result.put(mode, evaluate(queries, vectors, mode, searcher));
        }
        return result;
    }

    /** Quality of one mode, with a given searcher (to compare tunings on the same index). */
    public Quality evaluate(List<Query> queries, float[][] vectors, SearchMode mode, HybridSearcher with) {
        int top1 = 0;
        int top3 = 0;
        int top10 = 0;
        double reciprocal = 0;
        for (int q = 0; q < queries.size(); q++) {
            SearchResult result = with.search(new SearchQuery(queries.get(q).text(), SearchFilters.none(), mode, 0, 10), vectors[q]);
            int rank = 0;
            for (int i = 0; i < result.hits().size(); i++) {
                if (result.hits().get(i).id().equals(queries.get(q).articleId())) {
                    rank = i + 1;
                    break;
                }
            }
            if (rank == 1) {
                top1++;
            }
            if (rank >= 1 && rank <= 3) {
                top3++;
            }
            if (rank >= 1) {
                top10++;
                reciprocal += 1.0 / rank;
            }
        }
        double n = queries.size();
        return new Quality(queries.size(), top1 / n, top3 / n, top10 / n, reciprocal / n);
    }

    public float[][] queryVectors(List<Query> queries) {
        return embedder.embed(queries.stream().map(Query::text).toList(), EmbeddingPurpose.QUERY).vectors();
    }

    public ArticleIndex index() {
        return index;
    }

    @Override
    public void close() {
        index.close();
    }
}
