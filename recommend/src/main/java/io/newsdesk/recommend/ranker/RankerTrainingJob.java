package io.newsdesk.recommend.ranker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.jobs.JobContext;
import io.newsdesk.core.jobs.JobHandler;
import io.newsdesk.recommend.ReaderContextLoader;
import io.newsdesk.recommend.engine.ReaderContext;
import io.newsdesk.recommend.engine.VectorProfileSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@code ranker-training} job: turns the latest logged impressions into examples (clicked or read within an
 * hour, or not), with each example's features computed from what was known at its impression (the reader's events
 * before it, the article's engagements in the day before, and the candidate sources' ranks when the feed that showed
 * it was served, from {@link ServedItemLog}), splits them by time (the latest {@value #VALIDATION_SHARE} for
 * validation), trains the MLP, and promotes the new version only if its validation AUC beats both the transparent
 * heuristic and the previously promoted version on the same validation data.
 */
@ApplicationScoped
public class RankerTrainingJob implements JobHandler {

    public static final String TYPE = "ranker-training";
    static final double VALIDATION_SHARE = 0.2;
    static final int MIN_EXAMPLES = 200;
    private static final int MAX_IMPRESSIONS = 200_000;
    /** Source ranks count when the item was served at most this long before the impression. */
    static final Duration SERVED_WITHIN = Duration.ofDays(1);
    /** Share of examples with logged source ranks needed to train on them; below it the model leaves them out. */
    static final double MIN_SOURCE_COVERAGE = 0.5;

    private final DataSource dataSource;
    private final ReaderContextLoader readers;
    private final VectorProfileSource profiles;
    private final ArticleService articles;
    private final IndexSync index;
    private final RankerStore store;
    private final RankerService service;
    private final ObjectMapper json;
    private final ServedItemLog servedLog;

    public RankerTrainingJob(DataSource dataSource, ReaderContextLoader readers, VectorProfileSource profiles,
            ArticleService articles, IndexSync index, RankerStore store, RankerService service, ObjectMapper json,
            ServedItemLog servedLog) {
        this.servedLog = servedLog;
        this.dataSource = dataSource;
        this.readers = readers;
        this.profiles = profiles;
        this.articles = articles;
        this.index = index;
        this.store = store;
        this.service = service;
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

    /** One logged impression and whether it led to a click. */
    record Impression(String reader, String article, Instant at, boolean clicked) {
    }

    @Override
    public void run(JobContext job) throws Exception {
        job.progress(0, 0, "collecting impressions");
        var payload = json.readTree(job.payload() == null ? "{}" : job.payload());
        Instant since = payload.hasNonNull("since") ? Instant.parse(payload.get("since").asText()) : Instant.EPOCH;
        List<Impression> impressions = impressions(since);
        if (impressions.size() < MIN_EXAMPLES) {
            throw new IllegalStateException("only " + impressions.size() + " impressions are logged; training needs "
                    + MIN_EXAMPLES + " (the portal sends impression events for what it shows)");
        }
        Set<String> ids = new LinkedHashSet<>();
        impressions.forEach(i -> ids.add(i.article()));
        Map<String, ArticleSummary> summaries = articles.summaries(ids);
        Map<String, float[]> vectors = index.documentVectors(ids);
        Map<String, long[]> engagements = engagementTimes();
        servedLog.prune(Instant.now());
        ServedItemLog.Lookup logged = servedLog.since(impressions.get(0).at().minus(SERVED_WITHIN));
        int withSourceRanks = 0;
        float[][] x = new float[impressions.size()][];
        float[] y = new float[impressions.size()];
        Map<String, ReaderContext> contexts = new HashMap<>();
        Map<String, List<float[]>> interests = new HashMap<>();
        int n = 0;
        for (int i = 0; i < impressions.size(); i++) {
            job.throwIfCancelled();
            Impression imp = impressions.get(i);
            ArticleSummary article = summaries.get(imp.article());
            if (article == null) {
                continue;
            }
            // the reader as of the hour before the impression: nothing from after it leaks into the features
            Instant asOf = imp.at().truncatedTo(ChronoUnit.HOURS);
            String key = imp.reader() + "@" + asOf.toEpochMilli();
            ReaderContext reader = contexts.computeIfAbsent(key, k -> readers.load(imp.reader(), asOf));
            List<float[]> centroids = interests.computeIfAbsent(key, k -> profiles.interestCentroids(reader));
            float[] sourceRanks = logged.at(imp.reader(), imp.article(), imp.at(), SERVED_WITHIN);
            withSourceRanks += sourceRanks == null ? 0 : 1;
            x[n] = RankingFeatures.of(reader, centroids, article, vectors.get(imp.article()),
                    countBefore(engagements.get(imp.article()), imp.at()), imp.at(), sourceRanks);
            y[n] = imp.clicked() ? 1f : 0f;
            n++;
            if (i % 200 == 0) {
                job.progress(i, impressions.size(), "computing features");
            }
        }
        List<String> names = n > 0 && withSourceRanks >= MIN_SOURCE_COVERAGE * n ? RankingFeatures.NAMES : RankingFeatures.BASE;
        int split = (int) Math.round(n * (1 - VALIDATION_SHARE));
        float[][] trainX = RankingFeatures.project(Arrays.copyOfRange(x, 0, split), names);
        float[] trainY = Arrays.copyOfRange(y, 0, split);
        float[][] validAll = Arrays.copyOfRange(x, split, n);
        float[][] validX = RankingFeatures.project(validAll, names);
        float[] validY = Arrays.copyOfRange(y, split, n);
        int positives = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i] > 0.5f ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalStateException("the impressions are all clicked or all unclicked; nothing to learn");
        }
        job.progress(impressions.size(), impressions.size(), "training");
        float[] heuristic = new float[validAll.length];
        for (int i = 0; i < validAll.length; i++) {
            heuristic[i] = RankingFeatures.heuristic(validAll[i]);
        }
        double heuristicAuc = Auc.of(heuristic, validY);
        Double previousAuc = service.served()
                .map(s -> Auc.of(s.ranker().score(RankingFeatures.project(validAll, s.model().features())), validY))
                .orElse(null);
        try (MlpRanker ranker = MlpRanker.train(trainX, trainY, validX, validY, RankerOptions.defaults())) {
            double auc = ranker.validationScore();
            boolean promoted = auc > heuristicAuc && (previousAuc == null || auc > previousAuc);
            RankerModel stored = store.save(new RankerModel(0, Instant.now(), names, n, positives,
                    ranker.epochs(), auc, heuristicAuc, previousAuc, promoted), ranker.parameters());
            if (promoted) {
                service.refresh();
            }
            job.result(json.writeValueAsString(stored));
        }
    }

    private List<Impression> impressions(Instant since) throws SQLException {
        String sql = """
                SELECT i.reader_id, i.article_id, i.occurred_at,
                       EXISTS (SELECT 1 FROM core_reader_event c
                               WHERE c.reader_id = i.reader_id AND c.article_id = i.article_id
                                 AND c.type IN ('click', 'view', 'read')
                                 AND c.occurred_at >= i.occurred_at AND c.occurred_at < i.occurred_at + interval '1 hour')
                FROM core_reader_event i
                WHERE i.type = 'impression' AND i.occurred_at >= ?
                ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?""";
        List<Impression> impressions = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, java.sql.Timestamp.from(since));
            s.setInt(2, MAX_IMPRESSIONS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    impressions.add(new Impression(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4)));
                }
            }
        }
        java.util.Collections.reverse(impressions); // the latest ones, oldest first for the split by time
        return impressions;
    }

    /** Every article's engagement times, sorted, to count what happened in the day before a moment. */
    private Map<String, long[]> engagementTimes() throws SQLException {
        Map<String, List<Long>> times = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT article_id, occurred_at FROM core_reader_event
                WHERE type IN ('click', 'view', 'read', 'like', 'share') ORDER BY article_id, occurred_at""")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    times.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getTimestamp(2).getTime());
                }
            }
        }
        Map<String, long[]> sorted = new HashMap<>();
        times.forEach((k, v) -> sorted.put(k, v.stream().mapToLong(Long::longValue).toArray()));
        return sorted;
    }

    static long countBefore(long[] times, Instant at) {
        if (times == null) {
            return 0;
        }
        long end = at.toEpochMilli();
        return Math.max(0, lowerBound(times, end) - lowerBound(times, end - 86_400_000L));
    }

    private static int lowerBound(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
