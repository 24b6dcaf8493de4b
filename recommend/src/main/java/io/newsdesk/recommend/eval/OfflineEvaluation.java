package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.engine.Interactions;
import io.newsdesk.recommend.engine.Recommender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs recommenders through a protocol over several seeds, in both variants the reference table reports: fit on
 * train only, and refit on train + validation; both are scored on the test items with train and validation items
 * excluded from the ranking.
 */
public final class OfflineEvaluation {

    public static final int K = 10;

    /** The two ways a model is fitted before it is tested. */
    public enum Variant { TRAIN_ONLY, REFIT_TRAIN_VALID }

    /** Mean and standard deviation over seeds of each metric. */
    public record Summary(String model, Variant variant, Stat recall, Stat ndcg, Stat hit, Stat mrr, Stat coverage, int seeds) {
    }

    /** A mean and its sample standard deviation, with the value of each seed in seed order. */
    public record Stat(double mean, double std, List<Double> values) {

        public Stat {
            values = List.copyOf(values);
        }

        static Stat of(List<Double> values) {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double var = values.size() < 2 ? 0
                    : values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
            return new Stat(mean, Math.sqrt(var), values);
        }
    }

    /** How one model's metric differs from another's seed by seed, and on how many seeds it is higher. */
    public record PairedGap(Stat gap, int higher, int seeds) {
    }

    /**
     * The seed-by-seed difference {@code model - reference} of a metric measured on the same splits. Differences
     * between means over seeds include how much the seeds themselves differ; paired by seed, they do not.
     */
    public static PairedGap pairedGap(Stat model, Stat reference) {
        if (model.values().size() != reference.values().size()) {
            throw new IllegalArgumentException("both must be measured on the same seeds");
        }
        List<Double> gaps = new ArrayList<>();
        int higher = 0;
        for (int i = 0; i < model.values().size(); i++) {
            double gap = model.values().get(i) - reference.values().get(i);
            gaps.add(gap);
            higher += gap > 0 ? 1 : 0;
        }
        return new PairedGap(Stat.of(gaps), higher, gaps.size());
    }

    private OfflineEvaluation() {
    }

    /**
     * Evaluates a blend whose weights are chosen per seed on the validation split (fit on train, every weight vector
     * of {@code grid} scored on validation), then tested in both variants with the chosen weights.
     */
    public static List<Summary> runTunedBlend(String name, Supplier<io.newsdesk.recommend.engine.BlendRecommender> blend,
            List<double[]> grid, Function<Long, Split> split, List<Long> seeds, java.util.function.Consumer<String> log) {
        Map<Variant, List<Metrics>> results = new LinkedHashMap<>();
        for (long seed : seeds) {
            Split s = split.apply(seed);
            Interactions seen = s.train().plus(s.valid());
            var recommender = blend.get();
            recommender.fit(s.train());
            double[] best = grid.get(0);
            double bestNdcg = -1;
            for (double[] weights : grid) {
                double ndcg = Evaluator.evaluate(recommender.withWeights(weights), s.train(), s.valid(), K).ndcg();
                if (ndcg > bestNdcg) {
                    bestNdcg = ndcg;
                    best = weights;
                }
            }
            recommender.withWeights(best);
            Metrics trainOnly = Evaluator.evaluate(recommender, seen, s.test(), K);
            recommender.fit(seen);
            Metrics refit = Evaluator.evaluate(recommender, seen, s.test(), K);
            log.accept(String.format(java.util.Locale.ROOT, "%s seed %d %s: weights %s, ndcg@10 %.4f / %.4f", s.protocol(),
                    seed, name, java.util.Arrays.toString(best), trainOnly.ndcg(), refit.ndcg()));
            results.computeIfAbsent(Variant.TRAIN_ONLY, v -> new ArrayList<>()).add(trainOnly);
            results.computeIfAbsent(Variant.REFIT_TRAIN_VALID, v -> new ArrayList<>()).add(refit);
        }
        return summaries(name, results);
    }

    /**
     * Evaluates the two-stage pipeline: per seed the sources are fit on train, the ranker learns from the
     * validation items, and the pipeline is tested in both variants (the refit keeps the ranker).
     */
    public static List<Summary> runRankedPipeline(String name, Dataset data,
            java.util.function.LongFunction<RankedPipeline> pipelines, Function<Long, Split> split, List<Long> seeds,
            java.util.function.Consumer<String> log) {
        Map<Variant, List<Metrics>> results = new LinkedHashMap<>();
        for (long seed : seeds) {
            Split s = split.apply(seed);
            Interactions seen = s.train().plus(s.valid());
            long t0 = System.nanoTime();
            try (RankedPipeline pipeline = pipelines.apply(seed)) {
                List<RankedPipeline.Fold> folds = RankerFolds.of(s, data, RankerFolds.EARLIER);
                double validation = pipeline.trainRanker(folds);
                pipeline.fit(s.train());
                Metrics trainOnly = Evaluator.evaluate(pipeline, seen, s.test(), K);
                pipeline.fit(seen);
                Metrics refit = Evaluator.evaluate(pipeline, seen, s.test(), K);
                log.accept(String.format(java.util.Locale.ROOT, "%s seed %d %s: ranker validation ndcg@10 within candidates %.3f, ndcg@10 %.4f / %.4f (%.1f s)",
                        s.protocol(), seed, name, validation, trainOnly.ndcg(), refit.ndcg(), (System.nanoTime() - t0) / 1e9));
                results.computeIfAbsent(Variant.TRAIN_ONLY, v -> new ArrayList<>()).add(trainOnly);
                results.computeIfAbsent(Variant.REFIT_TRAIN_VALID, v -> new ArrayList<>()).add(refit);
            }
        }
        return summaries(name, results);
    }

    private static List<Summary> summaries(String name, Map<Variant, List<Metrics>> results) {
        List<Summary> summaries = new ArrayList<>();
        results.forEach((variant, list) -> summaries.add(new Summary(name, variant,
                Stat.of(list.stream().map(Metrics::recall).toList()), Stat.of(list.stream().map(Metrics::ndcg).toList()),
                Stat.of(list.stream().map(Metrics::hit).toList()), Stat.of(list.stream().map(Metrics::mrr).toList()),
                Stat.of(list.stream().map(Metrics::coverage).toList()), list.size())));
        return summaries;
    }

    /**
     * Evaluates every model on every seed's split.
     *
     * @param models  fresh recommenders by name (a new instance per fit)
     * @param split   the protocol, as a function of the seed
     * @param seeds   the seeds, e.g. 0-4
     * @param variants which fits to run
     */
    public static List<Summary> run(Map<String, Supplier<Recommender>> models, Function<Long, Split> split,
            List<Long> seeds, List<Variant> variants, java.util.function.Consumer<String> log) {
        Map<String, Map<Variant, List<Metrics>>> results = new LinkedHashMap<>();
        for (long seed : seeds) {
            Split s = split.apply(seed);
            Interactions seen = s.train().plus(s.valid());
            for (var model : models.entrySet()) {
                for (Variant variant : variants) {
                    Recommender recommender = model.getValue().get();
                    long t0 = System.nanoTime();
                    recommender.fit(variant == Variant.TRAIN_ONLY ? s.train() : seen);
                    Metrics m = Evaluator.evaluate(recommender, seen, s.test(), K);
                    log.accept(String.format(java.util.Locale.ROOT, "%s seed %d %s %s: ndcg@10 %.4f (%.1f s)",
                            s.protocol(), seed, model.getKey(), variant, m.ndcg(), (System.nanoTime() - t0) / 1e9));
                    results.computeIfAbsent(model.getKey(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(variant, v -> new ArrayList<>()).add(m);
                }
            }
        }
        List<Summary> summaries = new ArrayList<>();
        results.forEach((model, byVariant) -> summaries.addAll(summaries(model, byVariant)));
        return summaries;
    }
}
