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
    static final String PIPELINE_BLEND = "CF blend (EASE + iALS + item-kNN, tuned on valid)";
    static final List<double[]> BLEND_GRID = List.of(new double[] {1, 0, 0}, new double[] {1, 0.3, 0},
            new double[] {1, 0.6, 0}, new double[] {1, 0, 0.2}, new double[] {1, 0.3, 0.2}, new double[] {1, 0.6, 0.2},
            new double[] {1, 0.3, 0.4});

    static io.newsdesk.recommend.engine.BlendRecommender pipelineBlend() {
        return new io.newsdesk.recommend.engine.BlendRecommender(List.of(new EaseRecommender(250),
                new ImplicitAlsRecommender(128, 50, 10, 10, 0), new ItemKnnRecommender(200)), BLEND_GRID.get(0));
    }

    static final String PIPELINE = "full pipeline (6 sources -> DJL listwise MLP rankers)";

    /** The pipeline's sources that are not among the baselines, each evaluated alone as well. */
    static Map<String, Supplier<Recommender>> extraSources() {
        Map<String, Supplier<Recommender>> models = new LinkedHashMap<>();
        models.put("source: EASE (lambda=1000)", () -> new EaseRecommender(1000));
        models.put("source: iALS (32 factors)", () -> new ImplicitAlsRecommender(32, 50, 10, 10, 0));
        return models;
    }

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
        // MovieLens counts ratings of 3 and more; the service's export gives 1 to a click (see EngagementLog)
        double threshold = args.length > 2 ? Double.parseDouble(args[2]) : 3;
        if (!Files.isRegularFile(input)) {
            System.err.println("eval: " + input + " not found; pass an interactions file (user, item, rating, time)");
            System.exit(2);
        }
        Dataset data = new Dataset(InteractionFiles.read(input), threshold);
        Path genres = input.resolveSibling("u.item");
        ItemLabels labels = Files.isRegularFile(genres) ? ItemLabels.movieLensGenres(genres, data) : ItemLabels.none(data);
        StringBuilder md = new StringBuilder("# Recommendation quality\n\n");
        md.append("Written by `./newsdesk eval` (recommend/src/main/java/io/newsdesk/recommend/eval/EvaluateCommand.java) on ")
                .append(LocalDate.now()).append(" from `").append(input.getFileName()).append("`: ")
                .append(data.users()).append(" users, ").append(data.items()).append(" items, ")
                .append(data.positives()).append(" positives (strength >= ").append(threshold == Math.rint(threshold) ? String.valueOf((long) threshold) : String.valueOf(threshold)).append("). Full ranking over every item not in the "
                        + "user's train + validation items; k = 10; mean ± std over seeds 0-4. Recall@10 divides the hits "
                        + "by the number of test items. Baselines use the hyperparameters of the reference table in "
                        + "../shared/data/README.md (iALS with 10 iterations).\n\n");
        md.append("Every candidate source of the pipeline is a row of its own: the five baselines, then the two sources "
                + "only the pipeline uses (a strongly regularised EASE and a 32-factor iALS). The *CF blend* row sums "
                + "EASE, iALS and item-kNN scores standardised per user, with weights chosen per seed on validation "
                + "(grid below). The *full pipeline* row is the feed's two stages: each of the six sources nominates "
                + "its top ").append(RankedPipeline.PER_SOURCE).append(" unseen items and the DJL ranker (the mean logit "
                + "of " + RankedPipeline.MEMBERS + " MLPs, each trained with LambdaRank's NDCG-weighted pairwise loss "
                + "within lists, Adam and early stopping from its own initialisation; the feed serves one) orders the union from "
                + RankedPipeline.FEATURES.size() + " features: " + String.join(", ", RankedPipeline.FEATURES) + ". "
                + "The ranker learns from the validation items plus " + RankerFolds.EARLIER + " earlier folds cut from "
                + "train the way the protocol cuts (random tenths, or each user's latest items); *fit on train+valid* "
                + "then refits the sources and keeps the ranker. The two label features compare the item's labels with the "
                + "user's: " + (labels.count() == 0 ? "no labels file (u.item) was found beside the interactions, so they "
                + "are zero" : "MovieLens' " + labels.count() + " genres from u.item, as the feed's ranker compares "
                + "an article's section with the reader's sections") + ". The feed's content sources (vectors, BM25, trending, "
                + "fresh) need article text that MovieLens does not have, so they are not in these rows.\n\n");
        var variants = List.of(OfflineEvaluation.Variant.TRAIN_ONLY, OfflineEvaluation.Variant.REFIT_TRAIN_VALID);
        for (var protocol : List.<Map.Entry<String, java.util.function.Function<Long, Split>>>of(
                Map.entry("Random split (10% validation, 10% test per user)", seed -> Protocols.randomSplit(data, seed)),
                Map.entry("Temporal leave-last-out (latest positive is the test item)", seed -> Protocols.leaveLastOut(data, seed)))) {
            Map<String, Supplier<Recommender>> sources = new LinkedHashMap<>(baselines());
            sources.putAll(extraSources());
            List<OfflineEvaluation.Summary> rows = new java.util.ArrayList<>(
                    OfflineEvaluation.run(sources, protocol.getValue(), SEEDS, variants, EvaluateCommand::log));
            rows.addAll(OfflineEvaluation.runTunedBlend(PIPELINE_BLEND, EvaluateCommand::pipelineBlend, BLEND_GRID,
                    protocol.getValue(), SEEDS, EvaluateCommand::log));
            rows.addAll(OfflineEvaluation.runRankedPipeline(PIPELINE, data,
                    seed -> new RankedPipeline(data, labels, RankedPipeline.defaultOptions(), seed), protocol.getValue(), SEEDS,
                    EvaluateCommand::log));
            table(md, protocol.getKey(), rows);
            pairedAgainst(md, rows, PIPELINE, "EASE (lambda=250)");
        }
        md.append("Blend weight grid (EASE, iALS, item-kNN): ");
        BLEND_GRID.forEach(w -> md.append(java.util.Arrays.toString(w)).append(' '));
        md.append("\n");
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

    /** A line per fit: how much the model's NDCG@10 differs from the reference's on the same splits, seed by seed. */
    private static void pairedAgainst(StringBuilder md, List<OfflineEvaluation.Summary> rows, String model, String reference) {
        List<String> parts = new java.util.ArrayList<>();
        for (var variant : OfflineEvaluation.Variant.values()) {
            var ours = rows.stream().filter(r -> r.model().equals(model) && r.variant() == variant).findFirst();
            var theirs = rows.stream().filter(r -> r.model().equals(reference) && r.variant() == variant).findFirst();
            if (ours.isPresent() && theirs.isPresent()) {
                var gap = OfflineEvaluation.pairedGap(ours.get().ndcg(), theirs.get().ndcg());
                parts.add(String.format(Locale.ROOT, "%s %+.4f ± %.4f (higher on %d of %d seeds)",
                        variant == OfflineEvaluation.Variant.TRAIN_ONLY ? "fit on train" : "fit on train+valid",
                        gap.gap().mean(), gap.gap().std(), gap.higher(), gap.seeds()));
            }
        }
        if (!parts.isEmpty()) {
            md.append("Paired by seed, ").append(model).append(" minus ").append(reference).append(", NDCG@10: ")
                    .append(String.join("; ", parts)).append(".\n\n");
        }
    }

    private static String stat(OfflineEvaluation.Stat s) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", s.mean(), s.std());
    }

    private static void log(String message) {
        System.out.println("eval: " + message);
    }
}
