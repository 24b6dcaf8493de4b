package io.newsdesk.recommend.eval;

import io.newsdesk.recommend.EngagementWeights;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The service's own engagement as an interaction log in MovieLens' {@code u.data} layout: one row per reader and
 * live article they engaged with since a moment, the strength being their strongest engagement
 * ({@link EngagementWeights}: share 4 down to click 1) and the time their first. The export endpoint writes it as a file for {@code ./newsdesk eval}; the evaluation job reads it.
 */
@ApplicationScoped
public class EngagementLog {

    private static final String ROWS = """
            SELECT e.reader_id, e.article_id,
                   max(%s) AS strength,
                   min(e.occurred_at) AS first_at
            FROM core_reader_event e JOIN core_article a ON a.id = e.article_id
            WHERE e.type IN ('click', 'view', 'read', 'like', 'share') AND e.occurred_at >= ?
            GROUP BY e.reader_id, e.article_id
            ORDER BY e.reader_id, first_at, e.article_id""".formatted(EngagementWeights.SQL);

    private final DataSource dataSource;

    public EngagementLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Passes every row since {@code from} to {@code sink}, reading the database in chunks rather than all at once. */
    public void forEach(Instant from, Consumer<Interaction> sink) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement s = c.prepareStatement(ROWS)) {
                s.setFetchSize(10_000);
                s.setTimestamp(1, Timestamp.from(from));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Interaction(rs.getString(1), rs.getString(2), rs.getDouble(3),
                                rs.getTimestamp(4).toInstant().getEpochSecond()));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the engagement log", e);
        }
    }

    public List<Interaction> since(Instant from) {
        List<Interaction> rows = new ArrayList<>();
        forEach(from, rows::add);
        return rows;
    }

    /** The section of each of the given articles that is still live. */
    public Map<String, String> sections(List<String> articleIds) {
        Map<String, String> sections = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, section FROM core_article WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("varchar", articleIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sections.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read article sections", e);
        }
        return sections;
    }
}
