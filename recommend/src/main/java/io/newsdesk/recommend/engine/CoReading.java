package io.newsdesk.recommend.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Item-to-item co-engagement: the articles most engaged with (clicked, viewed, read, liked, shared) by the readers
 * of a given article in the last 90 days, counted in distinct readers; pairs with fewer than two readers in common
 * are noise and left out.
 */
@ApplicationScoped
public class CoReading {

    private final DataSource dataSource;

    public CoReading(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Article id to readers in common, most first. */
    public Map<String, Long> alsoRead(String articleId, String section, int limit) {
        String sql = """
                WITH readers AS (
                    SELECT DISTINCT reader_id FROM core_reader_event
                    WHERE article_id = ? AND type IN ('click', 'view', 'read', 'like', 'share')
                      AND occurred_at > now() - interval '90 days'
                    LIMIT 5000)
                SELECT e.article_id, count(DISTINCT e.reader_id) AS readers
                FROM core_reader_event e JOIN readers r ON r.reader_id = e.reader_id
                     JOIN core_article a ON a.id = e.article_id
                WHERE e.article_id <> ? AND e.type IN ('click', 'view', 'read', 'like', 'share')
                  AND (?::varchar IS NULL OR a.section = ?)
                GROUP BY e.article_id HAVING count(DISTINCT e.reader_id) >= 2
                ORDER BY readers DESC, e.article_id LIMIT ?""";
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, articleId);
            s.setString(2, articleId);
            s.setString(3, section);
            s.setString(4, section);
            s.setInt(5, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find co-read articles of " + articleId, e);
        }
    }
}
