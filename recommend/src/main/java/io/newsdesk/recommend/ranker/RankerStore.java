package io.newsdesk.recommend.ranker;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Ranker versions in {@code recommend_ranker_model}. */
@ApplicationScoped
public class RankerStore {

    private static final String COLUMNS = "version, created_at, features, examples, positives, epochs, valid_auc, "
            + "heuristic_auc, previous_auc, promoted";

    private final DataSource dataSource;

    public RankerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public RankerModel save(RankerModel m, byte[] parameters) {
        String sql = "INSERT INTO recommend_ranker_model (created_at, features, examples, positives, epochs, valid_auc, "
                + "heuristic_auc, previous_auc, promoted, parameters) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING version";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(m.createdAt()));
            s.setArray(2, c.createArrayOf("text", m.features().toArray()));
            s.setInt(3, m.examples());
            s.setInt(4, m.positives());
            s.setInt(5, m.epochs());
            s.setDouble(6, m.validAuc());
            s.setDouble(7, m.heuristicAuc());
            s.setObject(8, m.previousAuc());
            s.setBoolean(9, m.promoted());
            s.setBytes(10, parameters);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new RankerModel(rs.getInt(1), m.createdAt(), m.features(), m.examples(), m.positives(), m.epochs(),
                        m.validAuc(), m.heuristicAuc(), m.previousAuc(), m.promoted());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a ranker version", e);
        }
    }

    /** The newest promoted version and its parameters. */
    public Optional<Stored> latestPromoted() {
        String sql = "SELECT " + COLUMNS + ", parameters FROM recommend_ranker_model WHERE promoted ORDER BY version DESC LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(new Stored(model(rs), rs.getBytes(11))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the served ranker", e);
        }
    }

    public List<RankerModel> list() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM recommend_ranker_model ORDER BY version DESC LIMIT 100");
             ResultSet rs = s.executeQuery()) {
            List<RankerModel> models = new ArrayList<>();
            while (rs.next()) {
                models.add(model(rs));
            }
            return models;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list ranker versions", e);
        }
    }

    /** A version with its parameters. */
    public record Stored(RankerModel model, byte[] parameters) {
    }

    private static RankerModel model(ResultSet rs) throws SQLException {
        Instant created = rs.getTimestamp(2).toInstant();
        List<String> features = Arrays.asList((String[]) rs.getArray(3).getArray());
        return new RankerModel(rs.getInt(1), created, features, rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getDouble(7),
                rs.getDouble(8), (Double) rs.getObject(9), rs.getBoolean(10));
    }
}
