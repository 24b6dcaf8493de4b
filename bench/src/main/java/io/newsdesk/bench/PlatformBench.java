package io.newsdesk.bench;

import io.newsdesk.core.embed.BgeSmallEmbedder;
import io.newsdesk.core.embed.DocumentEmbedder;
import io.newsdesk.core.embed.EmbedderOptions;
import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.PassageChunker;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.index.IndexedArticle;
import io.newsdesk.core.index.MindRelevance;
import io.newsdesk.core.index.SearchMode;
import io.newsdesk.core.index.SearchTuning;
import io.newsdesk.core.index.VectorFormat;
import io.newsdesk.core.ml.DjlOffline;
import io.newsdesk.core.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every platform benchmark and writes {@code bench/results/platform.md}.
 *
 * <p>Usage: {@code PlatformBench [output.md] [articles]} (default 100,000 synthetic articles for the latency runs).
 */
public final class PlatformBench {

    private PlatformBench() {
    }

    public static void main(String[] args) throws Exception {
        DjlOffline.enforce();
        Path output = Path.of(args.length > 0 ? args[0] : "bench/results/platform.md");
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path shared = SharedData.root();
        if (shared == null || !Files.isDirectory(shared.resolve("data/news-mind-sample"))) {
            System.err.println("bench: ../shared/data/news-mind-sample is missing; the benchmarks need the evaluation data");
            System.exit(2);
        }
        Path mindDir = shared.resolve("data/news-mind-sample");
        Path work = Files.createTempDirectory("newsdesk-bench");
        Path models = work.resolve("models");
        StringBuilder md = new StringBuilder();
        try (TextEmbedder embedder = BgeSmallEmbedder.load(models, EmbedderOptions.defaults())) {
            MindData mind = new MindData(mindDir);
            header(md, embedder, articles);

            log("embedding throughput");
            var workloads = List.of(
                    new EmbeddingThroughput.Workload("headlines", mind.titles.subList(0, 512)),
                    new EmbeddingThroughput.Workload("200-word passages", mind.passages(128, 200)),
                    new EmbeddingThroughput.Workload("headlines and passages mixed", mind.mixed(256, 1)));
            embeddingSection(md, EmbeddingThroughput.run(embedder, models.resolve(BgeSmallEmbedder.MODEL), workloads));

            log("relevance on MIND");
            DocumentEmbedder documents = new DocumentEmbedder(embedder, new PassageChunker(embedder, 256));
            long t0 = System.nanoTime();
            try (MindRelevance relevance = MindRelevance.build(mindDir, work.resolve("mind-index"), documents,
                    SearchTuning.defaults(), VectorFormat.FLOAT32)) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                relevanceSection(md, relevance, mindDir, seconds);
            }

            log("synthetic newsroom of " + articles + " articles");
            float[][] anchors = embedder.embed(mind.titles.subList(0, 500), EmbeddingPurpose.DOCUMENT).vectors();
            List<IndexedArticle> synthetic = new SyntheticNewsroom(mind, anchors, 42).articles(articles);
            List<String> queries = new ArrayList<>();
            for (Path file : List.of(mindDir.resolve("queries.tsv"), mindDir.resolve("queries-hard.tsv"))) {
                MindRelevance.queries(file).forEach(q -> queries.add(q.text()));
            }
            List<SearchAtScale.Result> results = new ArrayList<>();
            for (VectorFormat format : VectorFormat.values()) {
                log("indexing and searching, " + format);
                results.add(SearchAtScale.run(format, synthetic, work.resolve("scale-" + format.code()), queries, embedder, 2000));
            }
            scaleSection(md, results);
        } finally {
            deleteTree(work);
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md.toString());
        log("wrote " + output);
    }

    private static void header(StringBuilder md, TextEmbedder embedder, int articles) {
        md.append("# Platform benchmarks\n\n");
        md.append("Written by `./newsdesk bench` (bench/src/main/java/io/newsdesk/bench/PlatformBench.java) on ")
                .append(LocalDate.now()).append(". Machine: ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.arch")).append(". Embedder: `").append(embedder.name()).append("`.\n\n");
        md.append("Each comparison runs its variants side by side in the same process, alternating rounds; machines "
                + "here are noisy, so read ratios, not absolute numbers.\n\n");
    }

    private static void embeddingSection(StringBuilder md, List<EmbeddingThroughput.Row> rows) {
        md.append("## Embedding throughput: service embedder vs plain DJL\n\n");
        md.append("Same ONNX file and tokenizer, same inputs, one caller. Service: `BgeSmallEmbedder` (length-sorted "
                + "batches of 32, CLS pooling in Java). Reference: DJL `Criteria` with `TextEmbeddingTranslatorFactory` "
                + "(pooling cls, normalize), `batchPredict` on batches of 32 in arrival order. Median of "
                + EmbeddingThroughput.ROUNDS + " alternating rounds. *min cos* is the lowest cosine between the two "
                + "sides' vectors for the same text (the int8 model's activation scales depend on the batch, so it is "
                + "not exactly 1).\n\n");
        md.append("| workload | texts | avg tokens | service texts/s | DJL texts/s | ratio | min cos |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (var r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.2fx | %.4f |%n", r.workload(), r.texts(),
                    r.avgTokens(), r.service(), r.reference(), r.service() / r.reference(), r.minCosine()));
        }
        md.append('\n');
    }

    private static void relevanceSection(StringBuilder md, MindRelevance relevance, Path mindDir, double seconds) throws IOException {
        md.append("## Search relevance on real news (MIND sample, 1,500 articles)\n\n");
        md.append(String.format(Locale.ROOT, "Indexing the 1,500 articles end to end (embedding title and abstract, "
                + "writing Lucene): %.1f s, %.0f articles/s.%n%n", seconds, relevance.articles() / seconds));
        md.append("Share of queries whose article is in the top 1 / 3 / 10, and mean reciprocal rank at 10. BM25 runs "
                + "over one field holding the title twice, the abstract and the body (EnglishAnalyzer); vectors are "
                + "bge-small-en-v1.5 with the query instruction; hybrid fuses the two by reciprocal rank with k=20, "
                + "BM25 weight 0.5 and vector weight 1. Reference (../shared/data/README.md): plain BM25 finds 93% and "
                + "62% in the top 3. These fusion settings were chosen on these same query sets (there is no separate "
                + "validation set), so the hybrid figures are an optimistic estimate.\n\n");
        md.append("| query set | mode | top 1 | top 3 | top 10 | MRR@10 |\n|---|---|---:|---:|---:|---:|\n");
        for (String file : List.of("queries.tsv", "queries-hard.tsv")) {
            Map<SearchMode, MindRelevance.Quality> quality = relevance.evaluate(MindRelevance.queries(mindDir.resolve(file)));
            for (var e : quality.entrySet()) {
                var q = e.getValue();
                md.append(String.format(Locale.ROOT, "| %s (%d) | %s | %.2f | %.2f | %.2f | %.3f |%n", file, q.queries(),
                        e.getKey().code(), q.top1(), q.top3(), q.top10(), q.mrr10()));
            }
        }
        md.append('\n');
    }

    private static void scaleSection(StringBuilder md, List<SearchAtScale.Result> results) {
        int n = results.get(0).articles();
        md.append(String.format(Locale.ROOT, "## Indexing and search at %,d synthetic articles%n%n", n));
        md.append("Synthetic articles (SyntheticNewsroom): MIND vocabulary, 12 sections, vectors scattered around real "
                + "bge vectors. Indexing = Lucene writes with precomputed vectors (HNSW m=16, beam 100) up to a "
                + "commit. Searches cycle through the 150 MIND queries, top 10, after 200 warm-up searches. Recall@10 "
                + "compares vector search (k=100 candidates) with an exact scan over all vectors, on 100 queries.\n\n");
        md.append("| vector format | index build | articles/s | recall@10 vs exact |\n|---|---:|---:|---:|\n");
        for (var r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f s | %.0f | %.3f |%n", r.format().code(), r.indexSeconds(),
                    r.indexingPerSecond(), r.recallAt10()));
        }
        md.append("\n| vector format | search | searches | p50 ms | p99 ms | mean ms |\n|---|---|---:|---:|---:|---:|\n");
        for (var r : results) {
            for (var l : r.latencies()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f |%n", r.format().code(), l.path(),
                        l.searches(), l.p50(), l.p99(), l.mean()));
            }
        }
        md.append('\n');
    }

    private static void log(String message) {
        System.out.println("bench: " + message);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
