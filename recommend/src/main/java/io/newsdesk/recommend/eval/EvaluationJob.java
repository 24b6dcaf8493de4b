package io.newsdesk.recommend.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.core.jobs.JobContext;
import io.newsdesk.core.jobs.JobHandler;
import io.newsdesk.recommend.engine.Recommender;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The {@code recommend-evaluation} job: the offline evaluation of {@code ./newsdesk eval} run on the service's own
 * engagement ({@link EngagementLog}) instead of a file, on the most engaged articles and a random sample of the
 * readers, so that memory stays bounded on a large newsroom. The baselines, and the two-stage pipeline with the
 * articles' sections as its labels, are fit and measured on the same splits; the result holds one row per model
 * and fit with mean and standard deviation over the seeds.
 */
@ApplicationScoped
public class EvaluationJob implements JobHandler {

    public static final String TYPE = "recommend-evaluation";
    /** Readers with at least {@link #HELD_OUT_MINIMUM} positives needed to evaluate. */
    static final int MIN_READERS = 10;
    /** The fewest positives the protocols hold a reader's items out from. */
    static final int HELD_OUT_MINIMUM = 3;
    private static final int VARIANTS = 2;

    private final EngagementLog engagement;
    private final ObjectMapper json;

    public EvaluationJob(EngagementLog engagement, ObjectMapper json) {
        this.engagement = engagement;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public int maxAttempts() {
        return 1;
    }

    @Override
    public void run(JobContext job) throws Exception {
        EvaluationSettings settings = json.readValue(job.payload(), EvaluationSettings.class);
        job.progress(0, 1, "reading engagement");
        List<Interaction> log = sampledReaders(mostEngaged(engagement.since(Instant.now().minus(Duration.ofDays(settings.days()))),
                settings.minStrength(), settings.maxItems()), settings.minStrength(), settings.maxReaders());
        Dataset data = new Dataset(log, settings.minStrength());
        long readers = LongStream.range(0, data.users()).filter(u -> data.positivesOf((int) u).size() >= HELD_OUT_MINIMUM).count();
        if (readers < MIN_READERS) {
            throw new IllegalStateException("too little engagement to evaluate: " + readers + " readers with three or more "
                    + "engaged articles in the last " + settings.days() + " days, " + MIN_READERS + " needed");
        }
        List<Long> seeds = LongStream.range(0, settings.seeds()).boxed().toList();
        Map<String, Supplier<Recommender>> models = EvaluateCommand.baselines();
        long total = (long) seeds.size() * (models.size() * VARIANTS + (settings.pipeline() ? 1 : 0));
        long[] done = {0};
        Consumer<String> progress = message -> {
            job.throwIfCancelled();
            job.progress(++done[0], total, message);
        };
        List<OfflineEvaluation.Summary> rows = new ArrayList<>(OfflineEvaluation.run(models, seed -> settings.split(data, seed),
                seeds, List.of(OfflineEvaluation.Variant.TRAIN_ONLY, OfflineEvaluation.Variant.REFIT_TRAIN_VALID), progress));
        if (settings.pipeline()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < data.items(); i++) {
                items.add(data.itemKey(i));
            }
            ItemLabels sections = ItemLabels.sections(engagement.sections(items), data);
            rows.addAll(OfflineEvaluation.runRankedPipeline(EvaluateCommand.PIPELINE, data,
                    seed -> new RankedPipeline(data, sections, RankedPipeline.defaultOptions(), seed),
                    seed -> settings.split(data, seed), seeds, progress));
        }
        job.result(result(settings, data, readers, rows).toString());
    }

    /** The interactions with the {@code maxItems} articles that have the most positives. */
    static List<Interaction> mostEngaged(List<Interaction> log, double minStrength, int maxItems) {
        Map<String, Integer> positives = new HashMap<>();
        log.stream().filter(i -> i.strength() >= minStrength).forEach(i -> positives.merge(i.item(), 1, Integer::sum));
        Set<String> kept = positives.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxItems).map(Map.Entry::getKey).collect(Collectors.toSet());
        return log.stream().filter(i -> kept.contains(i.item())).toList();
    }

    /**
     * The interactions of at most {@code maxReaders} readers drawn at random (the same ones for the same log), first
     * among those with the {@value #HELD_OUT_MINIMUM} positives the protocols need to test a reader, then among the
     * rest.
     */
    static List<Interaction> sampledReaders(List<Interaction> log, double minStrength, int maxReaders) {
        Map<String, Integer> positives = new HashMap<>();
        log.forEach(i -> positives.merge(i.user(), i.strength() >= minStrength ? 1 : 0, Integer::sum));
        if (positives.size() <= maxReaders) {
            return log;
        }
        List<String> testable = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        positives.keySet().stream().sorted().forEach(r -> (positives.get(r) >= HELD_OUT_MINIMUM ? testable : rest).add(r));
        Random random = new Random(0);
        Collections.shuffle(testable, random);
        Collections.shuffle(rest, random);
        testable.addAll(rest);
        Set<String> kept = Set.copyOf(testable.subList(0, maxReaders));
        return log.stream().filter(i -> kept.contains(i.user())).toList();
    }

    private ObjectNode result(EvaluationSettings settings, Dataset data, long readers, List<OfflineEvaluation.Summary> rows) {
        ObjectNode result = json.createObjectNode().put("protocol", settings.protocol()).put("days", settings.days())
                .put("readers", data.users()).put("readersEvaluated", readers).put("articles", data.items())
                .put("positives", data.positives()).put("seeds", settings.seeds()).put("k", OfflineEvaluation.K);
        ArrayNode table = result.putArray("rows");
        for (OfflineEvaluation.Summary r : rows) {
            ObjectNode row = table.addObject().put("model", r.model())
                    .put("fitOn", r.variant() == OfflineEvaluation.Variant.TRAIN_ONLY ? "train" : "train+valid");
            stat(row, "ndcg", r.ndcg());
            stat(row, "recall", r.recall());
            stat(row, "hit", r.hit());
            stat(row, "mrr", r.mrr());
            stat(row, "coverage", r.coverage());
        }
        return result;
    }

    private static void stat(ObjectNode row, String name, OfflineEvaluation.Stat stat) {
        row.putObject(name).put("mean", stat.mean()).put("std", stat.std());
    }
}
