package io.newsdesk.recommend;

import io.newsdesk.core.content.ArticleKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Time-decayed popularity: each engagement in the window counts its type's weight, halved every half-life of its
 * age (a share counts 4, a like 3, a read 2 plus a point per minute read up to 3, a click or view 1; a hide -3 and
 * a skip -1). Impressions do not count: being shown is not being read.
 */
@ApplicationScoped
public class TrendingService {

    private final DataSource dataSource;
    private final java.time.Duration cacheFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public TrendingService(DataSource dataSource, RecommendConfig config) {
        this.dataSource = dataSource;
        this.cacheFor = config.trendingCache();
    }

    /** A computed list and when it stops being served. */
    private record Cached(List<Recommendation> items, long expiresAtNanos) {
    }

    /**
     * The trending articles; a list is computed at most once per {@code newsdesk.recommend.trending-cache} for each
     * section, window and limit, since every feed asks for it and the aggregation reads every event in the window.
     */
    public List<Recommendation> trending(String section, TrendingWindow window, int limit) {
        if (cacheFor.isZero()) {
            return compute(section, window, limit);
        }
        String key = section + "|" + window.length() + "|" + limit;
        long now = System.nanoTime();
        Cached hit = cache.get(key);
        if (hit != null && now < hit.expiresAtNanos()) {
            return hit.items();
        }
        List<Recommendation> items = compute(section, window, limit);
        cache.put(key, new Cached(items, now + cacheFor.toNanos()));
        return items;
    }

    private List<Recommendation> compute(String section, TrendingWindow window, int limit) {
        String sql = """
                SELECT a.id, a.title, a.section, a.kind, a.published_at,
                       sum((%s + CASE e.type WHEN 'hide' THEN -3 WHEN 'skip' THEN -1 ELSE 0 END)
                           * power(0.5, extract(epoch FROM (now() - e.occurred_at)) / ?)) AS score,
                       count(DISTINCT e.reader_id) AS readers
                FROM core_reader_event e JOIN core_article a ON a.id = e.article_id
                WHERE e.occurred_at > now() - (? * interval '1 second') AND e.type <> 'impression'
                  AND (?::varchar IS NULL OR a.section = ?)
                GROUP BY a.id, a.title, a.section, a.kind, a.published_at
                HAVING sum(CASE e.type WHEN 'hide' THEN -3 WHEN 'skip' THEN -1 ELSE 1 END) > 0
                ORDER BY score DESC, a.id LIMIT ?""".formatted(EngagementWeights.SQL);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDouble(1, window.halfLife().toSeconds());
            s.setLong(2, window.length().toSeconds());
            s.setString(3, section);
            s.setString(4, section);
            s.setInt(5, limit);
            List<Recommendation> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double score = rs.getDouble(6);
                    if (score <= 0) {
                        continue;
                    }
                    String where = section == null ? "across the site" : "in " + capitalise(section);
                    items.add(new Recommendation(rs.getString(1), rs.getString(2), rs.getString(3),
                            ArticleKind.fromCode(rs.getString(4)), rs.getTimestamp(5).toInstant(), score, List.of("trending"),
                            "popular " + where + " " + window.phrase() + " (" + readers(rs.getLong(7)) + ")"));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute trending articles", e);
        }
    }

    static String readers(long n) {
        return n == 1 ? "1 reader" : n + " readers";
    }

    /** A section slug as readers see it in a reason: {@code sport} becomes {@code Sport}. */
    public static String capitalise(String section) {
        return section.isEmpty() ? section : section.substring(0, 1).toUpperCase(Locale.ROOT) + section.substring(1);
    }
}
