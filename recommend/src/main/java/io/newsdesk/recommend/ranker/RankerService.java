package io.newsdesk.recommend.ranker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.recommend.engine.ReaderContext;
import io.newsdesk.recommend.engine.VectorProfileSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Serves the newest promoted ranker version (checked again at most every {@value #RECHECK_SECONDS} seconds, and at
 * once after a training job promotes one), and computes the features it scores.
 */
@ApplicationScoped
public class RankerService {

    static final int RECHECK_SECONDS = 30;
    static final int[] HIDDEN = {64, 32};
    static final Duration RECENT_COUNTS_TTL = Duration.ofSeconds(60);

    private final RankerStore store;
    private final VectorProfileSource profiles;
    private final DataSource dataSource;
    private volatile Served served;
    private volatile Instant checkedAt = Instant.EPOCH;
    private final Cache<String, Long> recentCounts = Caffeine.newBuilder().expireAfterWrite(RECENT_COUNTS_TTL)
            .maximumSize(200_000).build();

    public RankerService(RankerStore store, VectorProfileSource profiles, DataSource dataSource) {
        this.store = store;
        this.profiles = profiles;
        this.dataSource = dataSource;
    }

    /** A loaded version. */
    public record Served(RankerModel model, MlpRanker ranker) {

        public String name() {
            return "mlp-v" + model.version();
        }
    }

    public Optional<Served> served() {
        if (Duration.between(checkedAt, Instant.now()).toSeconds() >= RECHECK_SECONDS) {
            refresh();
        }
        return Optional.ofNullable(served);
    }

    /** Loads the newest promoted version if it is not the one served. */
    public synchronized void refresh() {
        checkedAt = Instant.now();
        Optional<RankerStore.Stored> latest = store.latestPromoted();
        if (latest.isEmpty() || (served != null && served.model().version() == latest.get().model().version())) {
            return;
        }
        Served previous = served;
        RankerModel model = latest.get().model();
        served = new Served(model, MlpRanker.load(latest.get().parameters(), model.features().size(), HIDDEN));
        if (previous != null) {
            previous.ranker().close();
        }
    }

    /**
     * Features of each article for the reader now, all of {@link RankingFeatures#NAMES}.
     *
     * @param sourceRanks per article the candidate sources' rank scores (an entry may be null)
     */
    public float[][] features(ReaderContext reader, List<ArticleSummary> articles, Map<String, float[]> vectors,
            List<float[]> sourceRanks) {
        List<float[]> interests = profiles.interestCentroids(reader);
        Map<String, Long> recent = recentEngagements(articles, reader.asOf());
        float[][] rows = new float[articles.size()][];
        for (int i = 0; i < articles.size(); i++) {
            ArticleSummary a = articles.get(i);
            rows[i] = RankingFeatures.of(reader, interests, a, vectors.get(a.id()), recent.getOrDefault(a.id(), 0L), reader.asOf(),
                    sourceRanks.get(i));
        }
        return rows;
    }

    /**
     * Engagements in the day before {@code at} per article. A feed asks for a few hundred articles and feeds
     * share most of them, so counts taken within the last {@link #RECENT_COUNTS_TTL} are reused for feeds of now;
     * a day's count barely moves in that time. Later pages, computed as of their first page, count afresh.
     */
    private Map<String, Long> recentEngagements(List<ArticleSummary> articles, Instant at) {
        if (Duration.between(at, Instant.now()).compareTo(RECENT_COUNTS_TTL) > 0) {
            return countRecentEngagements(articles.stream().map(ArticleSummary::id).toList(), at);
        }
        Map<String, Long> counts = new HashMap<>(recentCounts.getAllPresent(articles.stream().map(ArticleSummary::id).toList()));
        List<String> missing = articles.stream().map(ArticleSummary::id).filter(id -> !counts.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            Map<String, Long> counted = countRecentEngagements(missing, at);
            for (String id : missing) {
                long count = counted.getOrDefault(id, 0L);
                recentCounts.put(id, count);
                counts.put(id, count);
            }
        }
        return counts;
    }

    private Map<String, Long> countRecentEngagements(List<String> ids, Instant at) {
        Map<String, Long> counts = new HashMap<>();
        String sql = """
                SELECT article_id, count(*) FROM core_reader_event
                WHERE article_id = ANY (?) AND type IN ('click', 'view', 'read', 'like', 'share')
                  AND occurred_at >= ?::timestamptz - interval '1 day' AND occurred_at < ?::timestamptz
                GROUP BY article_id""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            s.setTimestamp(2, Timestamp.from(at));
            s.setTimestamp(3, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count recent engagements", e);
        }
    }

    @PreDestroy
    void close() {
        if (served != null) {
            served.ranker().close();
        }
    }
}
