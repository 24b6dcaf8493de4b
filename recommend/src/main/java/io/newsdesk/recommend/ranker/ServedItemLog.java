package io.newsdesk.recommend.ranker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Logs what each served feed page held and how every candidate source ranked each item, so the ranker trains on
 * source scores as they were when the reader saw the item. Serving only puts rows in a bounded queue; a background
 * writer inserts them in batches. When the database falls behind, rows are dropped and counted
 * ({@code newsdesk_feed_served_items_dropped_total}) rather than slowing feeds down: a missing row costs one
 * example's source features, nothing else.
 */
@ApplicationScoped
public class ServedItemLog {

    static final int CAPACITY = 100_000;
    static final int BATCH = 1_000;
    /** Rows older than this are deleted when the ranker trains. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(ServedItemLog.class);

    /** One served item: the reader, the article, when, and the rank score of each of {@link RankingFeatures#SOURCES}. */
    public record Row(String reader, String article, Instant servedAt, float[] sourceRanks) {
    }

    private final DataSource dataSource;
    private final BlockingQueue<Row> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Counter dropped;
    private volatile boolean running;
    private Thread writer;

    public ServedItemLog(DataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.dropped = Counter.builder("newsdesk.feed.served.items.dropped")
                .description("Served feed items not logged because the log's queue was full").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        writer = new Thread(this::writeLoop, "newsdesk-served-item-log");
        writer.setDaemon(true);
        writer.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.interrupt();
            writer.join(5_000);
        }
        flush();
    }

    /** Queues rows for writing; never blocks. */
    public void log(List<Row> rows) {
        for (Row row : rows) {
            if (!queue.offer(row)) {
                dropped.increment();
            }
        }
    }

    /** Writes everything queued so far. */
    public synchronized void flush() {
        List<Row> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                insert(batch);
            } catch (SQLException e) {
                dropped.increment(batch.size());
                LOG.warnf("could not log %d served feed items: %s", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    private void writeLoop() {
        while (running) {
            try {
                Row first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first != null) {
                    synchronized (this) {
                        List<Row> batch = new ArrayList<>(BATCH);
                        batch.add(first);
                        queue.drainTo(batch, BATCH - 1);
                        insert(batch);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("could not log served feed items: %s", e.getMessage());
            }
        }
    }

    /** One COPY per batch: the cheapest way into PostgreSQL, so logging takes little from serving. */
    private void insert(List<Row> rows) throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 96);
        for (Row row : rows) {
            csv.append(row.reader()).append(',').append(row.article()).append(',').append(row.servedAt()).append(",\"{");
            float[] ranks = row.sourceRanks();
            for (int i = 0; i < ranks.length; i++) {
                csv.append(i == 0 ? "" : ",").append(ranks[i]);
            }
            csv.append("}\"\n");
        }
        try (Connection c = dataSource.getConnection()) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY recommend_served_item (reader_id, article_id, served_at, source_ranks) FROM STDIN (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new SQLException("copy into recommend_served_item failed", e);
        }
    }

    /**
     * Every logged row since {@code from}, by reader and article, oldest first, for looking up the source ranks an
     * item had when an impression of it was logged.
     */
    public Lookup since(Instant from) throws SQLException {
        flush();
        Map<String, List<Row>> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT reader_id, article_id, served_at, source_ranks FROM recommend_served_item
                WHERE served_at >= ? ORDER BY served_at""")) {
            s.setTimestamp(1, Timestamp.from(from));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array array = rs.getArray(4);
                    Float[] boxed = (Float[]) array.getArray();
                    float[] ranks = new float[boxed.length];
                    for (int i = 0; i < ranks.length; i++) {
                        ranks[i] = boxed[i];
                    }
                    Row row = new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), ranks);
                    rows.computeIfAbsent(row.reader() + '\n' + row.article(), k -> new ArrayList<>()).add(row);
                }
            }
        }
        return new Lookup(rows);
    }

    /** Deletes rows older than {@link #RETENTION}; returns how many. */
    public int prune(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM recommend_served_item WHERE served_at < ?")) {
            s.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
            return s.executeUpdate();
        }
    }

    /** Logged rows by reader and article. */
    public static final class Lookup {

        private final Map<String, List<Row>> rows;

        Lookup(Map<String, List<Row>> rows) {
            this.rows = rows;
        }

        /**
         * The source ranks of the latest serving of the article to the reader at or before {@code at} and at most
         * {@code within} before it, or null when there was none.
         */
        public float[] at(String reader, String article, Instant at, Duration within) {
            List<Row> served = rows.get(reader + '\n' + article);
            if (served == null) {
                return null;
            }
            for (int i = served.size() - 1; i >= 0; i--) {
                Instant t = served.get(i).servedAt();
                if (!t.isAfter(at)) {
                    return t.isBefore(at.minus(within)) ? null : served.get(i).sourceRanks();
                }
            }
            return null;
        }

        public int size() {
            return rows.values().stream().mapToInt(List::size).sum();
        }
    }
}
