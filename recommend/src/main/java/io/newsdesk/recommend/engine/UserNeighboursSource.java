package io.newsdesk.recommend.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * {@code user-neighbours}: readers whose histories overlap the reader's most (cosine of their sets of engaged
 * articles over the last 90 days, the {@value #NEIGHBOURS} nearest), and what they engaged with, each article scored
 * by the summed similarity of the neighbours who read it.
 */
@ApplicationScoped
public class UserNeighboursSource implements CandidateSource {

    static final int NEIGHBOURS = 50;

    private final DataSource dataSource;

    public UserNeighboursSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "user-neighbours";
    }

    @Override
    public List<Candidate> candidates(ReaderContext reader, String section, int limit) {
        if (reader.coldStart()) {
            return List.of();
        }
        String sql = """
                WITH engaged AS (
                    SELECT DISTINCT reader_id, article_id FROM core_reader_event
                    WHERE type IN ('click', 'view', 'read', 'like', 'share')
                      AND occurred_at > ?::timestamptz - interval '90 days' AND occurred_at <= ?::timestamptz),
                mine AS (SELECT article_id FROM engaged WHERE reader_id = ?),
                sizes AS (SELECT reader_id, count(*) AS n FROM engaged GROUP BY reader_id),
                neighbours AS (
                    SELECT e.reader_id, count(*) / sqrt((SELECT count(*) FROM mine) * s.n) AS similarity
                    FROM engaged e JOIN mine m ON m.article_id = e.article_id JOIN sizes s ON s.reader_id = e.reader_id
                    WHERE e.reader_id <> ?
                    GROUP BY e.reader_id, s.n
                    ORDER BY similarity DESC, e.reader_id LIMIT ?)
                SELECT e.article_id, sum(n.similarity) AS score, count(*) AS readers
                FROM engaged e JOIN neighbours n ON n.reader_id = e.reader_id JOIN core_article a ON a.id = e.article_id
                WHERE e.article_id NOT IN (SELECT article_id FROM mine) AND (?::varchar IS NULL OR a.section = ?)
                GROUP BY e.article_id ORDER BY score DESC, e.article_id LIMIT ?""";
        List<Candidate> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            var asOf = java.sql.Timestamp.from(reader.asOf());
            s.setTimestamp(1, asOf);
            s.setTimestamp(2, asOf);
            s.setString(3, reader.readerId());
            s.setString(4, reader.readerId());
            s.setInt(5, NEIGHBOURS);
            s.setString(6, section);
            s.setString(7, section);
            s.setInt(8, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long readers = rs.getLong(3);
                    candidates.add(new Candidate(rs.getString(1), name(), rs.getDouble(2),
                            "read by " + readers + (readers == 1 ? " reader" : " readers") + " with tastes like yours"));
                }
            }
            return candidates;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot find reader neighbours of " + reader.readerId(), e);
        }
    }
}
