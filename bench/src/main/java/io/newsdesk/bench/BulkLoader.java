package io.newsdesk.bench;

import io.newsdesk.core.embed.BgeSmallEmbedder;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.core.index.IndexSource;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a synthetic newsroom straight into the service's PostgreSQL tables with COPY, the way a migration from
 * another system would: articles with their cached document vectors (so the index rebuild does not embed 100,000
 * texts, which takes most of an hour on two cores), readers, and the bulk of the events. The service must have
 * created the schema first; it must not be running while this loads.
 */
final class BulkLoader implements AutoCloseable {

    private static final int CHUNK = 5_000;
    private final Connection connection;
    private final CopyManager copy;

    BulkLoader(String jdbcUrl) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        copy = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    void articles(ScaledNewsroom newsroom) throws SQLException, IOException {
        StringBuilder articles = new StringBuilder();
        StringBuilder vectors = new StringBuilder();
        long[] seq = {0};
        List<Exception> failures = new java.util.ArrayList<>();
        newsroom.forEachArticle(a -> {
            seq[0]++;
            String published = a.publishedAt().toString();
            articles.append(a.id()).append(',').append(a.title()).append(',').append(a.standfirst()).append(',')
                    .append(a.body()).append(',').append(a.body()).append(",text,").append(a.section()).append(",\"{")
                    .append(String.join(",", a.tags())).append("}\",{},en,article,").append(published).append(",1,")
                    .append(seq[0]).append(',').append(published).append(',').append(published).append('\n');
            vectors.append(a.id()).append(',').append(BgeSmallEmbedder.MODEL).append(',')
                    .append(IndexSource.contentHash(a.title(), a.standfirst(), a.body())).append(",\\x")
                    .append(HexFormat.of().formatHex(Vectors.toBytes(a.vector()))).append(",1,").append(published).append('\n');
            if (seq[0] % CHUNK == 0) {
                flush(articles, vectors, failures);
            }
        });
        flush(articles, vectors, failures);
        if (!failures.isEmpty()) {
            throw new IOException("loading articles failed", failures.get(0));
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT setval('core_content_change_seq', " + seq[0] + ")");
        }
    }

    private void flush(StringBuilder articles, StringBuilder vectors, List<Exception> failures) {
        try {
            copy("COPY core_article (id, title, standfirst, body_raw, body_text, body_format, section, tags, authors, "
                    + "language, kind, published_at, version, change_seq, created_at, modified_at) FROM STDIN (FORMAT csv)", articles);
            copy("COPY core_article_embedding (article_id, model, content_hash, vector, passages, updated_at) "
                    + "FROM STDIN (FORMAT csv)", vectors);
        } catch (SQLException | IOException e) {
            failures.add(e);
        }
        articles.setLength(0);
        vectors.setLength(0);
    }

    void readers(ScaledNewsroom newsroom) throws SQLException, IOException {
        StringBuilder rows = new StringBuilder();
        String since = newsroom.now.minusSeconds(ScaledNewsroom.DAYS * 86_400L).toString();
        for (int r = 0; r < newsroom.readers; r++) {
            rows.append(ScaledNewsroom.readerId(r)).append(',').append(since).append(',').append(newsroom.now).append('\n');
        }
        copy("COPY core_reader (id, first_seen_at, last_seen_at) FROM STDIN (FORMAT csv)", rows);
    }

    /** Copies events; returns how many. */
    long events(List<ScaledNewsroom.Event> events) throws SQLException, IOException {
        StringBuilder rows = new StringBuilder();
        String received = java.time.Instant.now().toString();
        long n = 0;
        for (ScaledNewsroom.Event e : events) {
            rows.append(e.reader()).append(',').append(e.clientId()).append(',').append(e.type()).append(',')
                    .append(e.article()).append(',').append(e.seconds() == null ? "" : e.seconds()).append(',')
                    .append(e.at()).append(',').append(received).append('\n');
            if (++n % 50_000 == 0) {
                copyEvents(rows);
            }
        }
        copyEvents(rows);
        return n;
    }

    private void copyEvents(StringBuilder rows) throws SQLException, IOException {
        copy("COPY core_reader_event (reader_id, client_event_id, type, article_id, seconds, occurred_at, received_at) "
                + "FROM STDIN (FORMAT csv)", rows);
        rows.setLength(0);
    }

    void analyze() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ANALYZE");
        }
    }

    private void copy(String sql, StringBuilder rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        try (Reader in = new StringReader(rows.toString())) {
            copy.copyIn(sql, in);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
