package io.newsdesk.recommend.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.recommend.RecommendConfig;
import io.newsdesk.recommend.ranker.RankerService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Computes the feeds of recently active readers ahead of their visits, as Gorse fills its recommendation cache
 * offline, so that a returning reader's first page is a kept one rather than a whole computation. A sweep takes the
 * readers whose latest event is within {@code warm-window}, most recent first, up to {@code snapshot-readers}, and
 * computes each one's whole feed on its own {@link FeedWorker}, which takes at most {@code warm-cpu-share} of one
 * core. A reader whose kept feed will outlive the next sweep is skipped, and so is one without kept feeds once the
 * service keeps those of {@code snapshot-readers} readers: the feed would push out another reader's, perhaps one
 * in the middle of a visit (measured in bench/results/recommend-speed.md). A sweep starts every
 * {@code warm-interval} and as soon as a new ranker serves (every kept feed is stale then); the admin API starts one
 * at will.
 */
@ApplicationScoped
public class FeedWarmer {

    private static final Logger LOG = Logger.getLogger(FeedWarmer.class);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final FeedService feeds;
    private final FeedSnapshots snapshots;
    private final FeedWorker worker;
    private final RankerService rankers;
    private final DataSource dataSource;
    private final RecommendConfig.Feed config;
    private final Counter computed;
    private final Counter kept;
    private final Counter noRoom;
    private ScheduledExecutorService timer;
    private FeedWarming latest = FeedWarming.NEVER;

    public FeedWarmer(FeedService feeds, FeedSnapshots snapshots, RankerService rankers, DataSource dataSource,
            RecommendConfig config, MeterRegistry registry) {
        this.feeds = feeds;
        this.snapshots = snapshots;
        this.worker = new FeedWorker("newsdesk-feed-warming", config.feed().warmCpuShare());
        this.rankers = rankers;
        this.dataSource = dataSource;
        this.config = config.feed();
        this.computed = Counter.builder("newsdesk.feed.warms").tag("outcome", "computed")
                .description("Feeds computed ahead of their readers' visits").register(registry);
        this.kept = Counter.builder("newsdesk.feed.warms").tag("outcome", "kept")
                .description("Readers a warming sweep skipped: their kept feed outlives the next sweep").register(registry);
        this.noRoom = Counter.builder("newsdesk.feed.warms").tag("outcome", "no-room")
                .description("Readers a warming sweep passed over: keeping their feed would push out another reader's")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.warmInterval().isZero() || config.snapshotTtl().isZero()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsdesk-feed-warming");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::startWhenDue, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Before the index closes (its priority is 20): a feed computed in flight would find it closed. */
    void onStop(@Observes @Priority(5) ShutdownEvent event) throws InterruptedException {
        if (timer != null) {
            timer.shutdownNow();
        }
        worker.stop();
    }

    /** The latest sweep. */
    public synchronized FeedWarming status() {
        return latest;
    }

    /** Starts a sweep unless one is running; returns the sweep that is running. */
    public synchronized FeedWarming start() {
        if (latest.running() || !snapshots.enabled()) {
            return latest;
        }
        String rankedBy = FeedService.rankedBy(rankers.served());
        List<String> readers = recentReaders(Instant.now().minus(config.warmWindow()), config.snapshotReaders());
        latest = new FeedWarming(true, Instant.now(), null, rankedBy, readers.size(), 0, 0, 0, 0);
        step(readers, 0, rankedBy);
        return latest;
    }

    private void startWhenDue() {
        try {
            FeedWarming last = status();
            boolean due = last.startedAt() == null || !last.startedAt().plus(config.warmInterval()).isAfter(Instant.now())
                    || !FeedService.rankedBy(rankers.served()).equals(last.rankedBy());
            if (!last.running() && due) {
                FeedWarming started = start();
                LOG.infof("computing the feeds of %d recently active readers ahead of their visits", started.readers());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "feed warming check failed; trying again in %s", CHECK_EVERY);
        }
    }

    /** Computes reader {@code next}'s feed, then queues the following reader. */
    private void step(List<String> readers, int next, String rankedBy) {
        if (next == readers.size()) {
            finish();
            return;
        }
        boolean queued = worker.schedule(() -> {
            String reader = readers.get(next);
            try {
                if (outlivesNextSweep(snapshots.peek(reader, null), rankedBy)) {
                    kept.increment();
                    count(0, 1, 0, 0);
                } else if (!snapshots.hasRoomFor(reader)) {
                    noRoom.increment();
                    count(0, 0, 0, 1);
                } else {
                    feeds.refresh(reader, null);
                    computed.increment();
                    count(1, 0, 0, 0);
                }
            } catch (RuntimeException e) {
                LOG.debugf("could not compute the feed of reader %s ahead: %s", reader, e.getMessage());
                count(0, 0, 1, 0);
            }
            step(readers, next + 1, rankedBy);
        }, Duration.ZERO);
        if (!queued) {
            finish(); // the worker has stopped
        }
    }

    private boolean outlivesNextSweep(FeedSnapshot feed, String rankedBy) {
        return feed != null && feed.rankedBy().equals(rankedBy)
                && feed.asOf().plus(config.snapshotTtl()).isAfter(Instant.now().plus(config.warmInterval()));
    }

    private synchronized void count(int computedNow, int keptNow, int failedNow, int noRoomNow) {
        FeedWarming l = latest;
        latest = new FeedWarming(true, l.startedAt(), null, l.rankedBy(), l.readers(), l.computed() + computedNow,
                l.kept() + keptNow, l.failed() + failedNow, l.noRoom() + noRoomNow);
    }

    private synchronized void finish() {
        FeedWarming l = latest;
        latest = new FeedWarming(false, l.startedAt(), Instant.now(), l.rankedBy(), l.readers(), l.computed(), l.kept(),
                l.failed(), l.noRoom());
    }

    private List<String> recentReaders(Instant since, int limit) {
        String sql = "SELECT id FROM core_reader WHERE last_seen_at > ? ORDER BY last_seen_at DESC, id LIMIT ?";
        List<String> readers = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(since));
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    readers.add(rs.getString(1));
                }
            }
            return readers;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list recently active readers", e);
        }
    }
}
