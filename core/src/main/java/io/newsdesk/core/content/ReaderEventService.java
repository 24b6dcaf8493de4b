package io.newsdesk.core.content;

import io.newsdesk.core.http.Cursor;
import io.newsdesk.core.problem.InvalidRequestException;
import io.newsdesk.core.problem.InvalidRequestException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Stores batches of reader events idempotently and reads a reader's history.
 *
 * <p>A batch is checked whole before anything is written: one invalid event makes it a 400 and nothing is stored.
 * Events about articles that do not exist are refused one by one (listed in the receipt) and the rest stored, so a
 * portal racing a deletion does not lose a whole batch. Each event is stored once per (reader, client event id):
 * the insert is one {@code INSERT ... SELECT unnest(...) ON CONFLICT DO NOTHING RETURNING}, which also tells which
 * events were new.
 */
@ApplicationScoped
public class ReaderEventService {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    /** The event types that say a reader took an article up, as the recommenders count them. */
    static final Set<EventType> ENGAGEMENTS = EnumSet.of(EventType.VIEW, EventType.CLICK, EventType.READ, EventType.LIKE,
            EventType.SHARE);

    private final DataSource dataSource;
    private final Event<ReaderEventsRecorded> recorded;

    public ReaderEventService(DataSource dataSource, Event<ReaderEventsRecorded> recorded) {
        this.dataSource = dataSource;
        this.recorded = recorded;
    }

    @Transactional
    public EventReceipt record(List<EventInput> events) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        checkRules(events, now);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> known = existingArticles(connection, events);
            List<EventReceipt.Rejected> rejected = new ArrayList<>();
            List<EventInput> storable = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                EventInput e = events.get(i);
                if (e.articleId() != null && !known.containsKey(e.articleId())) {
                    rejected.add(new EventReceipt.Rejected(i, e.id(), "article '" + e.articleId() + "' does not exist"));
                } else {
                    storable.add(e);
                }
            }
            int accepted = 0;
            Set<String> readers = new TreeSet<>();
            if (!storable.isEmpty()) {
                upsertReaders(connection, storable, now);
                accepted = insertEvents(connection, storable, now);
                storable.forEach(e -> readers.add(e.readerId()));
            }
            if (accepted > 0) {
                List<ReaderEventsRecorded.Engagement> engagements = new ArrayList<>();
                List<ReaderEventsRecorded.Hide> hides = new ArrayList<>();
                Set<String> followers = new TreeSet<>();
                for (EventInput e : storable) {
                    if (ENGAGEMENTS.contains(e.type())) {
                        engagements.add(new ReaderEventsRecorded.Engagement(e.readerId(), e.articleId(), known.get(e.articleId()),
                                e.occurredAt() == null ? now : e.occurredAt().toInstant()));
                    } else if (e.type() == EventType.HIDE) {
                        hides.add(new ReaderEventsRecorded.Hide(e.readerId(), e.articleId()));
                    } else if (e.type() == EventType.SUBSCRIBE) {
                        followers.add(e.readerId());
                    }
                }
                recorded.fire(new ReaderEventsRecorded(readers, accepted, engagements, hides, followers));
            }
            return new EventReceipt(events.size(), accepted, storable.size() - accepted, rejected);
        } catch (SQLException e) {
            throw new IllegalStateException("storing reader events failed", e);
        }
    }

    /** The reader's events newest first, optionally only some types. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HistoryPage history(String readerId, Set<EventType> types, int limit, String cursor) {
        ContentIds.require("readerId", readerId);
        Map<String, Object> after = Cursor.decode(cursor);
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, e.client_event_id, e.type, e.article_id, e.target, e.seconds, e.source, e.occurred_at,
                       a.title, a.section, a.kind
                FROM core_reader_event e LEFT JOIN core_article a ON a.id = e.article_id
                WHERE e.reader_id = ?""");
        if (!types.isEmpty()) {
            sql.append(" AND e.type = ANY (?)");
        }
        if (!after.isEmpty()) {
            sql.append(" AND (e.occurred_at, e.id) < (?, ?)");
        }
        sql.append(" ORDER BY e.occurred_at DESC, e.id DESC LIMIT ?");
        try (Connection connection = dataSource.getConnection()) {
            if (!readerExists(connection, readerId)) {
                throw new ReaderNotFoundException(readerId);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int p = 1;
                statement.setString(p++, readerId);
                if (!types.isEmpty()) {
                    statement.setArray(p++, connection.createArrayOf("varchar",
                            types.stream().map(EventType::code).toArray()));
                }
                if (!after.isEmpty()) {
                    statement.setTimestamp(p++, Timestamp.from(Instant.EPOCH.plus(Cursor.requireLong(after, "t"), ChronoUnit.MICROS)));
                    statement.setLong(p++, Cursor.requireLong(after, "e"));
                }
                statement.setInt(p, limit + 1);
                List<HistoryEntry> items = new ArrayList<>();
                List<Long> rowIds = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rowIds.add(rs.getLong(1));
                        HistoryEntry.ArticleRef article = rs.getString(9) == null ? null
                                : new HistoryEntry.ArticleRef(rs.getString(9), rs.getString(10), ArticleKind.fromCode(rs.getString(11)));
                        items.add(new HistoryEntry(rs.getString(2), EventType.fromCode(rs.getString(3)), rs.getString(4),
                                article, rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
                                rs.getTimestamp(8).toInstant()));
                    }
                }
                String next = null;
                if (items.size() > limit) {
                    HistoryEntry last = items.get(limit - 1);
                    next = Cursor.encode(Map.of("t", ChronoUnit.MICROS.between(Instant.EPOCH, last.occurredAt()),
                            "e", rowIds.get(limit - 1)));
                    items = items.subList(0, limit);
                }
                return new HistoryPage(readerId, List.copyOf(items), next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading reader history failed", e);
        }
    }

    /** Whether any event was ever recorded for this reader. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean readerExists(String readerId) {
        try (Connection connection = dataSource.getConnection()) {
            return readerExists(connection, readerId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up reader " + readerId, e);
        }
    }

    private static void checkRules(List<EventInput> events, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventInput e = events.get(i);
            String at = "events[" + i + "].";
            if (e.type() == EventType.SUBSCRIBE) {
                if (e.target() == null) {
                    errors.add(new FieldError(at + "target", "a subscribe event needs a target such as section:sport"));
                }
            } else if (e.articleId() == null) {
                errors.add(new FieldError(at + "articleId", "a " + e.type() + " event needs an articleId"));
            }
            if (e.type() == EventType.READ && e.seconds() == null) {
                errors.add(new FieldError(at + "seconds", "a read event needs the seconds spent reading"));
            }
            if (e.type() != EventType.READ && e.seconds() != null) {
                errors.add(new FieldError(at + "seconds", "only read events carry seconds"));
            }
            if (e.occurredAt() != null && e.occurredAt().toInstant().isAfter(now.plus(MAX_CLOCK_SKEW))) {
                errors.add(new FieldError(at + "occurredAt", "is more than 5 minutes in the future"));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " events are invalid; see errors. Nothing was stored.";
            throw new InvalidRequestException(detail, errors);
        }
    }

    /** The events' articles that exist, with their sections. */
    private static Map<String, String> existingArticles(Connection connection, List<EventInput> events) throws SQLException {
        Set<String> wanted = new HashSet<>();
        events.forEach(e -> {
            if (e.articleId() != null) {
                wanted.add(e.articleId());
            }
        });
        Map<String, String> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, section FROM core_article WHERE id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", wanted.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return found;
    }

    private static void upsertReaders(Connection connection, List<EventInput> events, Instant now) throws SQLException {
        // sorted so that concurrent batches lock reader rows in the same order and cannot deadlock
        java.util.TreeMap<String, Instant[]> span = new java.util.TreeMap<>();
        for (EventInput e : events) {
            Instant at = occurred(e, now);
            span.merge(e.readerId(), new Instant[] {at, at},
                    (a, b) -> new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO core_reader (id, first_seen_at, last_seen_at)
                SELECT * FROM unnest(?::varchar[], ?::timestamptz[], ?::timestamptz[])
                ON CONFLICT (id) DO UPDATE SET
                    first_seen_at = LEAST(core_reader.first_seen_at, EXCLUDED.first_seen_at),
                    last_seen_at = GREATEST(core_reader.last_seen_at, EXCLUDED.last_seen_at)""")) {
            statement.setArray(1, connection.createArrayOf("varchar", span.keySet().toArray()));
            statement.setArray(2, timestamps(connection, span.values().stream().map(s -> s[0]).toList()));
            statement.setArray(3, timestamps(connection, span.values().stream().map(s -> s[1]).toList()));
            statement.executeUpdate();
        }
    }

    private static int insertEvents(Connection connection, List<EventInput> events, Instant now) throws SQLException {
        int n = events.size();
        Object[] readers = new Object[n];
        Object[] ids = new Object[n];
        Object[] types = new Object[n];
        Object[] articles = new Object[n];
        Object[] targets = new Object[n];
        Object[] seconds = new Object[n];
        Object[] sources = new Object[n];
        Object[] positions = new Object[n];
        List<Instant> occurred = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            EventInput e = events.get(i);
            readers[i] = e.readerId();
            ids[i] = e.id();
            types[i] = e.type().code();
            articles[i] = e.articleId();
            targets[i] = e.target();
            seconds[i] = e.seconds();
            sources[i] = e.source();
            positions[i] = e.position();
            occurred.add(occurred(e, now));
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO core_reader_event
                    (reader_id, client_event_id, type, article_id, target, seconds, source, position, occurred_at, received_at)
                SELECT r, c, t, a, g, s, o, p, w, ?
                FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[],
                            ?::int[], ?::timestamptz[]) AS u(r, c, t, a, g, s, o, p, w)
                ON CONFLICT (reader_id, client_event_id) DO NOTHING""")) {
            statement.setTimestamp(1, Timestamp.from(now));
            statement.setArray(2, connection.createArrayOf("varchar", readers));
            statement.setArray(3, connection.createArrayOf("varchar", ids));
            statement.setArray(4, connection.createArrayOf("varchar", types));
            statement.setArray(5, connection.createArrayOf("varchar", articles));
            statement.setArray(6, connection.createArrayOf("varchar", targets));
            statement.setArray(7, connection.createArrayOf("int4", seconds));
            statement.setArray(8, connection.createArrayOf("varchar", sources));
            statement.setArray(9, connection.createArrayOf("int4", positions));
            statement.setArray(10, timestamps(connection, occurred));
            return statement.executeUpdate();
        }
    }

    private static Array timestamps(Connection connection, List<Instant> instants) throws SQLException {
        return connection.createArrayOf("timestamptz", instants.stream().map(Timestamp::from).toArray());
    }

    private static Instant occurred(EventInput e, Instant now) {
        return e.occurredAt() == null ? now : e.occurredAt().toInstant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean readerExists(Connection connection, String readerId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM core_reader WHERE id = ?")) {
            statement.setString(1, readerId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
