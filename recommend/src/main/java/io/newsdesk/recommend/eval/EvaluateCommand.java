package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.engine.EaseRecommender;
import io.newsdesk.recommend.engine.ImplicitAlsRecommender;
import io.newsdesk.recommend.engine.ItemKnnRecommender;
import io.newsdesk.recommend.engine.MostPopularRecommender;
import io.newsdesk.recommend.engine.Recommender;
import io.newsdesk.recommend.engine.UserKnnRecommender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ./newsdesk eval [interactions-file] [output.md]}: evaluates the baselines on an interactions file
 * (default {@code ../shared/data/movielens-100k/u.data}) under both protocols and writes a Markdown report
 * (default {@code bench/results/recommend-quality.md}).
 */
public final class EvaluateCommand {

    static final List<Long> SEEDS = List.of(0L, 1L, 2L, 3L, 4L);

    private EvaluateCommand() {
    }

    /** The baselines with the reference table's hyperparameters. */
    public static Map<String, Supplier<Recommender>> baselines() {
        Map<String, Supplier<Recommender>> models = new LinkedHashMap<>();
        models.put("most popular", MostPopularRecommender::new);
        models.put("user-kNN (cosine, k=100)", () -> new UserKnnRecommender(100));
        models.put("item-kNN (cosine, k=200)", () -> new ItemKnnRecommender(200));
        models.put("iALS (128 factors, reg 50, alpha 10)", () -> new ImplicitAlsRecommender(128, 50, 10, 10, 0));
        models.put("EASE (lambda=250)", () -> new EaseRecommender(250));
        return models;
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args.length > 0 ? args[0] : "../shared/data/movielens-100k/u.data");
        Path output = Path.of(args.length > 1 ? args[1] : "bench/results/recommend-quality.md");
        if (!Files.isRegularFile(input)) {
            System.err.println("eval: " + input + " not found; pass an interactions file (user, item, rating, time)");
            System.exit(2);
        }
        Dataset data = new Dataset(InteractionFiles.read(input), 3);
        StringBuilder md = new StringBuilder("# Recommendation quality\n\n");
        md.append("Written by `./newsdesk eval` (recommend/src/main/java/io/newsdesk/recommend/eval/EvaluateCommand.java) on ")
                .append(LocalDate.now()).append(" from `").append(input.getFileName()).append("`: ")
                .append(data.users()).append(" users, ").append(data.items()).append(" items, ")
                .append(data.positives()).append(" positives (ratings >= 3). Full ranking over every item not in the "
                        + "user's train + validation items; k = 10; mean ± std over seeds 0-4. Recall@10 divides the hits "
                        + "by the number of test items. Baselines use the hyperparameters of the reference table in "
                        + "../shared/data/README.md (iALS with 10 iterations).\n\n");
        md.append("The recommendation pipeline of issue 11 (candidate sources, ranker) is not built yet; its rows will "
                + "join these tables.\n\n");
        table(md, "Random split (10% validation, 10% test per user)",
                OfflineEvaluation.run(baselines(), seed -> Protocols.randomSplit(data, seed), SEEDS,
                        List.of(OfflineEvaluation.Variant.TRAIN_ONLY, OfflineEvaluation.Variant.REFIT_TRAIN_VALID), EvaluateCommand::log));
        table(md, "Temporal leave-last-out (latest positive is the test item)",
                OfflineEvaluation.run(baselines(), seed -> Protocols.leaveLastOut(data, seed), SEEDS,
                        List.of(OfflineEvaluation.Variant.TRAIN_ONLY, OfflineEvaluation.Variant.REFIT_TRAIN_VALID), EvaluateCommand::log));
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, md.toString());
        log("wrote " + output);
    }

    private static void table(StringBuilder md, String title, List<OfflineEvaluation.Summary> rows) {
        md.append("## ").append(title).append("\n\n");
        md.append("| model | fit on | NDCG@10 | Recall@10 | Hit@10 | MRR@10 | coverage |\n|---|---|---|---|---|---|---|\n");
        for (var r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.model(),
                    r.variant() == OfflineEvaluation.Variant.TRAIN_ONLY ? "train" : "train+valid",
                    stat(r.ndcg()), stat(r.recall()), stat(r.hit()), stat(r.mrr()), stat(r.coverage())));
        }
        md.append('\n');
    }

    private static String stat(OfflineEvaluation.Stat s) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", s.mean(), s.std());
    }

    private static void log(String message) {
        System.out.println("eval: " + message);
    }
}
