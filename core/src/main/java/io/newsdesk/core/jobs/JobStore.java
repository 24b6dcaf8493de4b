package io.newsdesk.core.jobs;

import io.newsdesk.core.http.Cursor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The job table, read and written with plain JDBC. Each method is one short statement in its own transaction
 * (auto-commit); the claim is the only one that locks, and it skips rows other workers hold.
 */
public final class JobStore {

    private static final String VIEW_COLUMNS = """
            id, type, state, progress_done, progress_total, phase, attempts, max_attempts, cancel_requested,
            created_at, started_at, progress_at, finished_at, error, payload::text, result::text""";

    private final DataSource dataSource;

    public JobStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A job a worker has claimed: its identity, input and resume point. */
    record Claimed(UUID id, String type, int attempt, String payload, String checkpoint) {
    }

    /**
     * Adds a job to the queue. One statement writes the job and its input, so it is atomic on its own and joins the
     * caller's transaction when there is one.
     */
    public UUID enqueue(String type, String payloadJson, byte[] input, int maxAttempts) {
        UUID id = UUID.randomUUID();
        String sql = """
                WITH job AS (
                    INSERT INTO core_job (id, type, state, payload, max_attempts, created_at, run_after)
                    VALUES (?, ?, 'queued', ?::jsonb, ?, now(), now()) RETURNING id)
                INSERT INTO core_job_input (job_id, data) SELECT id, ? FROM job WHERE ? """;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            boolean hasInput = input != null && input.length > 0;
            s.setObject(1, id);
            s.setString(2, type);
            s.setString(3, payloadJson == null ? "{}" : payloadJson);
            s.setInt(4, maxAttempts);
            s.setBytes(5, hasInput ? input : new byte[0]);
            s.setBoolean(6, hasInput);
            s.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enqueue a " + type + " job", e);
        }
    }

    /** Claims the oldest queued job of one of {@code types}, or nothing when none is due. */
    Optional<Claimed> claim(String workerId, Set<String> types) {
        if (types.isEmpty()) {
            return Optional.empty();
        }
        String sql = """
                UPDATE core_job SET state = 'running', attempts = attempts + 1, worker_id = ?, started_at = now(),
                       heartbeat_at = now(), progress_at = NULL, cancel_requested = cancel_requested
                WHERE id = (SELECT id FROM core_job
                            WHERE state = 'queued' AND run_after <= now() AND type = ANY (?)
                            ORDER BY created_at, id
                            FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, type, attempts, payload::text, checkpoint""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, workerId);
            s.setArray(2, c.createArrayOf("varchar", types.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim a job", e);
        }
    }

    /**
     * Records progress (and a heartbeat) for a job this worker holds.
     *
     * @return whether cancellation was requested, or empty when the worker no longer holds the job
     */
    Optional<Boolean> progress(UUID id, String workerId, long done, long total, String phase) {
        String sql = """
                UPDATE core_job SET progress_done = ?, progress_total = ?, phase = ?, progress_at = now(), heartbeat_at = now()
                WHERE id = ? AND worker_id = ? AND state = 'running' RETURNING cancel_requested""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, done);
            s.setLong(2, total);
            s.setString(3, phase == null ? null : truncate(phase, 200));
            s.setObject(4, id);
            s.setString(5, workerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record progress of job " + id, e);
        }
    }

    /** Refreshes the heartbeat of every job the worker holds; returns the ids whose cancellation was requested. */
    Set<UUID> heartbeat(String workerId) {
        String sql = """
                UPDATE core_job SET heartbeat_at = now() WHERE worker_id = ? AND state = 'running'
                RETURNING id, cancel_requested""";
        Set<UUID> cancelled = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, workerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        cancelled.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            return cancelled;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write job heartbeats", e);
        }
    }

    void saveCheckpoint(UUID id, String workerId, String checkpoint) {
        update("UPDATE core_job SET checkpoint = ?, heartbeat_at = now() WHERE id = ? AND worker_id = ? AND state = 'running'",
                checkpoint, id, workerId);
    }

    boolean succeed(UUID id, String workerId, String resultJson) {
        return update("""
                UPDATE core_job SET state = 'succeeded', result = ?::jsonb, finished_at = now(), worker_id = NULL,
                       progress_done = GREATEST(progress_done, progress_total), phase = 'done'
                WHERE id = ? AND worker_id = ? AND state = 'running'""", resultJson, id, workerId) == 1;
    }

    boolean cancelled(UUID id, String workerId, String resultJson) {
        return update("""
                UPDATE core_job SET state = 'cancelled', result = ?::jsonb, finished_at = now(), worker_id = NULL, phase = 'cancelled'
                WHERE id = ? AND worker_id = ? AND state = 'running'""", resultJson, id, workerId) == 1;
    }

    /** Ends a failed attempt: queued again after {@code retryAfter} while attempts remain, else failed. */
    boolean failAttempt(UUID id, String workerId, String error, Duration retryAfter, String resultJson) {
        return update("""
                UPDATE core_job SET
                    state = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,
                    finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE now() END,
                    run_after = now() + (? * interval '1 millisecond'),
                    error = ?, result = COALESCE(?::jsonb, result), worker_id = NULL
                WHERE id = ? AND worker_id = ? AND state = 'running'""",
                retryAfter.toMillis(), truncate(error, 4000), resultJson, id, workerId) == 1;
    }

    /** Puts a job back in the queue without counting the attempt: the service stopped under it. */
    boolean release(UUID id, String workerId) {
        return update("""
                UPDATE core_job SET state = 'queued', attempts = GREATEST(attempts - 1, 0), worker_id = NULL,
                       phase = 'waiting: the service stopped while it ran'
                WHERE id = ? AND worker_id = ? AND state = 'running'""", id, workerId) == 1;
    }

    /**
     * Requeues (or, without attempts left, fails) running jobs whose worker is gone: those whose heartbeat is older
     * than {@code staleAfter}, and those held by another worker of {@code nodePrefix} (an earlier process on this
     * node, which cannot still be running its jobs).
     *
     * @return how many jobs were recovered
     */
    int recover(Duration staleAfter, String nodePrefix, String currentWorker) {
        return update("""
                UPDATE core_job SET
                    state = CASE WHEN attempts < max_attempts THEN 'queued' ELSE 'failed' END,
                    finished_at = CASE WHEN attempts < max_attempts THEN NULL ELSE now() END,
                    error = 'worker ' || worker_id || ' stopped during attempt ' || attempts
                            || CASE WHEN attempts < max_attempts THEN '; queued again' ELSE '; no attempts left' END,
                    worker_id = NULL, run_after = now()
                WHERE state = 'running'
                  AND (heartbeat_at < now() - (? * interval '1 millisecond')
                       OR (worker_id LIKE ? AND worker_id <> ?))""",
                staleAfter.toMillis(), likePrefix(nodePrefix), currentWorker);
    }

    byte[] input(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT data FROM core_job_input WHERE job_id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : new byte[0];
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the input of job " + id, e);
        }
    }

    /** Marks a queued job cancelled or asks a running one to stop; returns the job as it is after that. */
    public Optional<JobView> requestCancel(UUID id) {
        update("""
                UPDATE core_job SET
                    state = CASE WHEN state = 'queued' THEN 'cancelled' ELSE state END,
                    finished_at = CASE WHEN state = 'queued' THEN now() ELSE finished_at END,
                    phase = CASE WHEN state = 'queued' THEN 'cancelled' ELSE phase END,
                    cancel_requested = true
                WHERE id = ? AND state IN ('queued', 'running')""", id);
        return find(id);
    }

    public Optional<JobView> find(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + VIEW_COLUMNS + " FROM core_job WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(view(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read job " + id, e);
        }
    }

    /** Jobs newest first, optionally of one state and type. */
    public JobPage list(JobState state, String type, int limit, String cursor) {
        Map<String, Object> after = Cursor.decode(cursor);
        StringBuilder sql = new StringBuilder("SELECT " + VIEW_COLUMNS + " FROM core_job WHERE true");
        List<Object> params = new ArrayList<>();
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state.code());
        }
        if (type != null) {
            sql.append(" AND type = ?");
            params.add(type);
        }
        if (!after.isEmpty()) {
            sql.append(" AND (created_at, id) < (?, ?)");
            params.add(Timestamp.from(Instant.EPOCH.plus(Cursor.requireLong(after, "t"), ChronoUnit.MICROS)));
            try {
                params.add(UUID.fromString(Cursor.requireString(after, "id")));
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            List<JobView> items = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(view(rs));
                }
            }
            String next = null;
            if (items.size() > limit) {
                JobView last = items.get(limit - 1);
                next = Cursor.encode(Map.of("t", ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt()),
                        "id", last.id().toString()));
                items = items.subList(0, limit);
            }
            return new JobPage(List.copyOf(items), next);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list jobs", e);
        }
    }

    /** Counts jobs per state, for health and metrics. */
    public Map<JobState, Long> countByState() {
        Map<JobState, Long> counts = new java.util.EnumMap<>(JobState.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state, count(*) FROM core_job GROUP BY state");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.put(JobState.fromCode(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count jobs", e);
        }
    }

    private static JobView view(ResultSet rs) throws SQLException {
        JobState state = JobState.fromCode(rs.getString(3));
        Instant startedAt = instant(rs, 11);
        Instant progressAt = instant(rs, 12);
        return new JobView(rs.getObject(1, UUID.class), rs.getString(2), state,
                JobView.Progress.of(rs.getLong(4), rs.getLong(5), rs.getString(6), startedAt, progressAt,
                        state == JobState.RUNNING),
                rs.getInt(7), rs.getInt(8), rs.getBoolean(9), instant(rs, 10), startedAt, instant(rs, 13),
                rs.getString(14), rs.getString(15), rs.getString(16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job table update failed", e);
        }
    }

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
