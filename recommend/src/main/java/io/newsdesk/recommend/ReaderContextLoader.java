package io.newsdesk.recommend;

import io.newsdesk.recommend.engine.ReaderContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Builds a {@link ReaderContext} from the reader's events of the last 180 days up to a moment. An engagement's
 * weight is its type's ({@link EngagementWeights}: share 4 down to click or view 1), halved every
 * {@value #HALF_LIFE_DAYS} days of age, so that a reader's profile follows their current interests.
 */
@ApplicationScoped
public class ReaderContextLoader {

    static final int HALF_LIFE_DAYS = 14;
    private static final int MAX_EVENTS = 2000;

    private final DataSource dataSource;

    public ReaderContextLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ReaderContext load(String readerId, Instant asOf) {
        String sql = """
                SELECT e.article_id, e.type, e.seconds, e.occurred_at, e.target, a.section
                FROM core_reader_event e LEFT JOIN core_article a ON a.id = e.article_id
                WHERE e.reader_id = ? AND e.occurred_at <= ?::timestamptz AND e.occurred_at > ?::timestamptz - interval '180 days'
                ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?""";
        Map<String, Double> engagement = new HashMap<>();
        Map<String, Double> bySection = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> hidden = new HashSet<>();
        Set<String> follows = new TreeSet<>();
        int events = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, readerId);
            s.setTimestamp(2, Timestamp.from(asOf));
            s.setTimestamp(3, Timestamp.from(asOf));
            s.setInt(4, MAX_EVENTS);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events++;
                    String article = rs.getString(1);
                    String type = rs.getString(2);
                    String section = rs.getString(6);
                    if (type.equals("subscribe")) {
                        String target = rs.getString(5);
                        if (target != null && target.startsWith("section:")) {
                            follows.add(target.substring("section:".length()));
                        }
                        continue;
                    }
                    if (article == null || section == null) {
                        continue; // the article was deleted since
                    }
                    if (type.equals("hide")) {
                        hidden.add(article);
                        continue;
                    }
                    double weight = EngagementWeights.of(type, (Integer) rs.getObject(3));
                    if (weight <= 0) {
                        continue;
                    }
                    seen.add(article);
                    double age = Duration.between(rs.getTimestamp(4).toInstant(), asOf).toMinutes() / (60.0 * 24);
                    double decayed = weight * Math.pow(0.5, age / HALF_LIFE_DAYS);
                    engagement.merge(article, decayed, Double::sum);
                    bySection.merge(section, decayed, Double::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of reader " + readerId, e);
        }
        hidden.forEach(engagement::remove);
        Map<String, Double> ordered = new LinkedHashMap<>();
        engagement.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        double total = bySection.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> affinity = new LinkedHashMap<>();
        bySection.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> affinity.put(e.getKey(), total == 0 ? 0 : e.getValue() / total));
        return new ReaderContext(readerId, asOf, ordered, seen, hidden, follows, affinity, events);
    }
}
