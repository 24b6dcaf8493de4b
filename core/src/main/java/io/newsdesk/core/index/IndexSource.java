package io.newsdesk.core.index;

import io.newsdesk.core.embed.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads what the index is built from out of PostgreSQL: articles with their cached document vectors, the changes
 * and deletions since a change sequence number, and writes new vectors back to the cache.
 */
public final class IndexSource {

    private static final String ARTICLE_COLUMNS = """
            a.id, a.title, a.standfirst, a.body_text, a.section, a.language, a.kind, a.tags, a.authors, a.published_at,
            a.canonical_url, a.change_seq, e.model, e.content_hash, e.vector""";

    private final DataSource dataSource;

    public IndexSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * An article read for indexing, with its cached vector when that was made by {@code model} from the current
     * text.
     */
    public record SourceArticle(IndexedArticle article, String contentHash, long changeSeq, boolean vectorCached) {
    }

    /** The articles among {@code ids} that exist; missing ids are simply absent. */
    public List<SourceArticle> load(Collection<String> ids, String model) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT " + ARTICLE_COLUMNS + """
                 FROM core_article a LEFT JOIN core_article_embedding e ON e.article_id = a.id
                WHERE a.id = ANY (?)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            return read(s, model);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read articles to index", e);
        }
    }

    /** Up to {@code limit} articles with an id after {@code afterId}, in id order: the rebuild's batches. */
    public List<SourceArticle> page(String afterId, int limit, String model) {
        String sql = "SELECT " + ARTICLE_COLUMNS + """
                 FROM core_article a LEFT JOIN core_article_embedding e ON e.article_id = a.id
                WHERE a.id > ? ORDER BY a.id LIMIT ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, afterId == null ? "" : afterId);
            s.setInt(2, limit);
            return read(s, model);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read articles to index", e);
        }
    }

    /** Ids of articles changed after {@code changeSeq} or modified at or after {@code since}. */
    public List<String> changedSince(long changeSeq, Instant since) {
        return ids("SELECT id FROM core_article WHERE change_seq > ? OR modified_at >= ?", changeSeq, Timestamp.from(since));
    }

    /** Ids of articles deleted after {@code changeSeq} or at or after {@code since}. */
    public List<String> deletedSince(long changeSeq, Instant since) {
        return ids("""
                SELECT t.article_id FROM core_article_tombstone t
                WHERE (t.change_seq > ? OR t.deleted_at >= ?)
                  AND NOT EXISTS (SELECT 1 FROM core_article a WHERE a.id = t.article_id)""", changeSeq, Timestamp.from(since));
    }

    /** The highest content change sequence number taken so far (0 when nothing was ever written). */
    public long maxChangeSeq() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT GREATEST((SELECT COALESCE(max(change_seq), 0) FROM core_article),
                                     (SELECT COALESCE(max(change_seq), 0) FROM core_article_tombstone))""");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the content change sequence", e);
        }
    }

    public long count() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM core_article");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count articles", e);
        }
    }

    /** Caches freshly made document vectors. */
    public void storeVectors(List<SourceArticle> articles, String model, int[] passages) {
        String sql = """
                INSERT INTO core_article_embedding (article_id, model, content_hash, vector, passages, updated_at)
                SELECT ?, ?, ?, ?, ?, now() WHERE EXISTS (SELECT 1 FROM core_article WHERE id = ?)
                ON CONFLICT (article_id) DO UPDATE SET model = EXCLUDED.model, content_hash = EXCLUDED.content_hash,
                    vector = EXCLUDED.vector, passages = EXCLUDED.passages, updated_at = EXCLUDED.updated_at""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < articles.size(); i++) {
                SourceArticle a = articles.get(i);
                s.setString(1, a.article().id());
                s.setString(2, model);
                s.setString(3, a.contentHash());
                s.setBytes(4, Vectors.toBytes(a.article().vector()));
                s.setInt(5, passages[i]);
                s.setString(6, a.article().id());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot cache document vectors", e);
        }
    }

    /** The cached vector of one article, if it has one from {@code model}. */
    public float[] vector(String id, String model) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT vector FROM core_article_embedding WHERE article_id = ? AND model = ?")) {
            s.setString(1, id);
            s.setString(2, model);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Vectors.fromBytes(rs.getBytes(1)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the vector of article " + id, e);
        }
    }

    /**
     * The latest {@code limit} published articles in {@code sections} that have a cached vector from {@code model},
     * with their section, tags and the start of their text: the already-tagged examples editor tools learn from.
     */
    public List<TaggedVector> taggedVectors(Collection<String> sections, String model, int limit) {
        List<TaggedVector> tagged = new ArrayList<>();
        if (sections.isEmpty()) {
            return tagged;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT a.id, a.section, a.tags, e.vector,
                       concat_ws('. ', a.title, a.standfirst, left(a.body_text, ?)) FROM core_article a
                  JOIN core_article_embedding e ON e.article_id = a.id AND e.model = ?
                 WHERE a.section = ANY (?) ORDER BY a.published_at DESC NULLS LAST, a.id LIMIT ?""")) {
            s.setInt(1, TaggedVector.TEXT_CHARS);
            s.setString(2, model);
            s.setArray(3, c.createArrayOf("varchar", sections.toArray()));
            s.setInt(4, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array tags = rs.getArray(3);
                    tagged.add(new TaggedVector(rs.getString(1), rs.getString(2),
                            tags == null ? List.of() : List.of((String[]) tags.getArray()), Vectors.fromBytes(rs.getBytes(4)),
                            rs.getString(5)));
                }
            }
            return tagged;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tagged document vectors", e);
        }
    }

    /** The cached vectors of those of {@code ids} that have one from {@code model}. */
    public java.util.Map<String, float[]> vectors(Collection<String> ids, String model) {
        java.util.Map<String, float[]> vectors = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return vectors;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT article_id, vector FROM core_article_embedding WHERE article_id = ANY (?) AND model = ?")) {
            s.setArray(1, c.createArrayOf("varchar", ids.toArray()));
            s.setString(2, model);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    vectors.put(rs.getString(1), Vectors.fromBytes(rs.getBytes(2)));
                }
            }
            return vectors;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read document vectors", e);
        }
    }

    /** What the document vector is made from; a change of any of it means embedding again. */
    public static String contentHash(String title, String standfirst, String bodyText) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {title, standfirst, bodyText}) {
                sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static List<SourceArticle> read(PreparedStatement s, String model) throws SQLException {
        List<SourceArticle> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String title = rs.getString(2);
                String standfirst = rs.getString(3);
                String body = rs.getString(4);
                String hash = contentHash(title, standfirst, body);
                byte[] cached = rs.getBytes(15);
                boolean usable = cached != null && model.equals(rs.getString(13)) && hash.equals(rs.getString(14));
                Timestamp published = rs.getTimestamp(10);
                IndexedArticle article = new IndexedArticle(rs.getString(1), title, standfirst, body, rs.getString(5),
                        rs.getString(6), rs.getString(7), strings(rs.getArray(8)), strings(rs.getArray(9)),
                        published == null ? null : published.toInstant(), rs.getString(11),
                        usable ? Vectors.fromBytes(cached) : null);
                out.add(new SourceArticle(article, hash, rs.getLong(12), usable));
            }
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private List<String> ids(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read article changes", e);
        }
    }
}
