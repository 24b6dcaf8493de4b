package io.newsdesk.recommend.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.core.content.ArticleChanged;
import io.newsdesk.core.content.ReaderEventsRecorded;
import io.newsdesk.recommend.RecommendConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps kept feeds ({@link FeedSnapshots}) true to the reader's events. What a reader takes up or hides leaves their
 * next first page at once; a little later ({@code newsdesk.recommend.feed.refresh-delay}, so that a burst of events
 * costs one computation) the feed is computed again in the background, so that it follows the new interests and the
 * next visit finds it ready. Refreshes run on a {@link FeedWorker} that takes at most {@code refresh-cpu-share} of
 * one core; at most {@code refresh-queue} readers wait (gauge {@code newsdesk.feed.refresh.waiting}), and beyond that
 * a reader's feed is only filtered until it expires. A new subscription drops the reader's feeds; a deleted article
 * leaves every kept feed's next first page.
 */
@ApplicationScoped
public class FeedRefresher {

    private static final Logger LOG = Logger.getLogger(FeedRefresher.class);

    private final FeedSnapshots snapshots;
    private final FeedService feeds;
    private final RecommendConfig.Feed config;
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final FeedWorker worker;
    private final Counter refreshed;
    private final Counter skipped;

    public FeedRefresher(FeedSnapshots snapshots, FeedService feeds, RecommendConfig config, MeterRegistry registry) {
        this.worker = new FeedWorker("newsdesk-feed-refresh", config.feed().refreshCpuShare());
        this.snapshots = snapshots;
        this.feeds = feeds;
        this.config = config.feed();
        this.refreshed = Counter.builder("newsdesk.feed.refreshes").tag("outcome", "done")
                .description("Kept feeds computed again after their reader's events").register(registry);
        Gauge.builder("newsdesk.feed.refresh.waiting", waiting, Set::size)
                .description("Readers whose kept feed waits to be computed again").register(registry);
        this.skipped = Counter.builder("newsdesk.feed.refreshes").tag("outcome", "skipped")
                .description("Feed refreshes not queued because the queue was full").register(registry);
    }

    void onEvents(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReaderEventsRecorded recorded) {
        Map<String, Set<String>> consumed = new HashMap<>();
        recorded.engagements().forEach(e -> consumed.computeIfAbsent(e.readerId(), k -> new TreeSet<>()).add(e.articleId()));
        recorded.hides().forEach(h -> consumed.computeIfAbsent(h.readerId(), k -> new TreeSet<>()).add(h.articleId()));
        recorded.followers().forEach(snapshots::forget);
        consumed.forEach((reader, articles) -> {
            List<String> sections = snapshots.consumed(reader, articles);
            if (!sections.isEmpty()) {
                schedule(reader, sections);
            }
        });
    }

    void onArticleChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        if (change.deleted()) {
            snapshots.withdraw(change.articleId());
        }
    }

    /** Before the index closes (its priority is 20): a refresh in flight would find it closed. */
    void onStop(@Observes @Priority(5) ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    private void schedule(String reader, List<String> sections) {
        if (waiting.size() >= config.refreshQueue()) {
            skipped.increment();
            return;
        }
        if (waiting.add(reader) && !worker.schedule(() -> refresh(reader, sections), config.refreshDelay())) {
            waiting.remove(reader);
        }
    }

    private void refresh(String reader, List<String> sections) {
        waiting.remove(reader);
        for (String section : sections) {
            try {
                feeds.refresh(reader, section);
                refreshed.increment();
            } catch (RuntimeException e) {
                LOG.warnf("could not refresh the feed of reader %s: %s", reader, e.getMessage());
            }
        }
    }
}
