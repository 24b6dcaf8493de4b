package io.newsdesk.recommend.matrix;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Matrix model versions in {@code recommend_matrix_model}; factors stored as little-endian float32 rows. */
@ApplicationScoped
public class MatrixModelStore {

    private final DataSource dataSource;

    public MatrixModelStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public int save(String description, List<String> readers, List<String> articles, float[][] readerFactors,
            float[][] articleFactors) {
        String sql = """
                INSERT INTO recommend_matrix_model (created_at, description, readers, articles, factors, reader_factors, article_factors)
                VALUES (now(), ?, ?, ?, ?, ?, ?) RETURNING version""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, description);
            s.setArray(2, c.createArrayOf("text", readers.toArray()));
            s.setArray(3, c.createArrayOf("text", articles.toArray()));
            s.setInt(4, readerFactors.length == 0 ? 0 : readerFactors[0].length);
            s.setBytes(5, pack(readerFactors));
            s.setBytes(6, pack(articleFactors));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the matrix model", e);
        }
    }

    public Optional<MatrixModel> latest() {
        String sql = """
                SELECT version, created_at, description, readers, articles, factors, reader_factors, article_factors
                FROM recommend_matrix_model ORDER BY version DESC LIMIT 1""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            int factors = rs.getInt(6);
            Instant created = rs.getTimestamp(2).toInstant();
            return Optional.of(new MatrixModel(rs.getInt(1), created, rs.getString(3),
                    Arrays.asList((String[]) rs.getArray(4).getArray()), Arrays.asList((String[]) rs.getArray(5).getArray()),
                    unpack(rs.getBytes(7), factors), unpack(rs.getBytes(8), factors)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the matrix model", e);
        }
    }

    /** The newest version's description, without its factors. */
    public Optional<MatrixModelInfo> latestInfo() {
        String sql = """
                SELECT version, created_at, description, cardinality(readers), cardinality(articles), factors
                FROM recommend_matrix_model ORDER BY version DESC LIMIT 1""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            return rs.next()
                    ? Optional.of(new MatrixModelInfo(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                    : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the matrix model", e);
        }
    }

    private static byte[] pack(float[][] rows) {
        int width = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer buffer = ByteBuffer.allocate(rows.length * width * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                buffer.putFloat(v);
            }
        }
        return buffer.array();
    }

    private static float[][] unpack(byte[] bytes, int width) {
        if (width == 0) {
            return new float[0][];
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[][] rows = new float[bytes.length / Float.BYTES / width][width];
        for (float[] row : rows) {
            for (int p = 0; p < width; p++) {
                row[p] = buffer.getFloat();
            }
        }
        return rows;
    }
}
