package io.newsdesk.recommend.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.newsdesk.recommend.RecommendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The feeds last computed for recently active readers, one per section filter, so that a feed is computed once
 * and then served page by page and visit by visit until it is older than {@code newsdesk.recommend.feed.snapshot-ttl},
 * a newer ranker serves, or the reader's events change it (see {@link FeedRefresher}).
 *
 * <p>A feed computed while the reader's events were being stored must not be kept: it may offer what the reader
 * just read. Each reader's entry therefore counts the event batches that touched it; a computed feed is kept only
 * when the count is the one read before the computation began ({@link #version} and {@link #keep}).
 */
@ApplicationScoped
public class FeedSnapshots {

    private final Cache<String, ReaderFeeds> readers;
    private final Duration ttl;
    private final int maxReaders;
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() * 1_000);
    private final Counter hits;
    private final Counter forks;

    @Inject
    public FeedSnapshots(RecommendConfig config, MeterRegistry registry) {
        this(config.feed().snapshotTtl(), config.feed().snapshotReaders(), registry);
    }

    FeedSnapshots(Duration ttl, int maxReaders, MeterRegistry registry) {
        this.ttl = ttl;
        this.maxReaders = maxReaders;
        this.readers = Caffeine.newBuilder().maximumSize(maxReaders)
                .expireAfterAccess(ttl.isZero() ? Duration.ofSeconds(1) : ttl).recordStats().build();
        // cache_size and cache_evictions_total{cache="feed-snapshots"}: whether snapshot-readers is too small for the
        // readers a sweep warms (a warmed feed that is dropped before its reader comes was computed for nothing)
        CaffeineCacheMetrics.monitor(registry, readers, "feed-snapshots");
        this.hits = counter(registry, "hit", "served from the reader's snapshot");
        this.forks = counter(registry, "filtered", "served from a copy of the snapshot without articles read since");
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("newsdesk.feed.snapshots").tag("outcome", outcome).description("Feed first pages " + description)
                .register(registry);
    }

    /** How many readers have feeds kept, once pending evictions are done. */
    long keptReaders() {
        readers.cleanUp();
        return readers.estimatedSize();
    }

    /**
     * Whether a feed computed now for the reader could be kept without pushing out another reader's: the reader has
     * feeds kept already, or fewer readers than the bound have.
     */
    boolean hasRoomFor(String readerId) {
        return enabled() && (readers.getIfPresent(readerId) != null || keptReaders() < maxReaders);
    }

    /** Whether feeds are kept at all (a zero time to live turns snapshots off). */
    boolean enabled() {
        return !ttl.isZero();
    }

    /** How many event batches have touched the reader; read it before computing a feed to {@link #keep}. */
    long version(String readerId) {
        return enabled() ? readers.get(readerId, k -> new ReaderFeeds()).version() : 0;
    }

    /** A new snapshot id, unique in this process. */
    long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * The reader's current snapshot for a section filter (null: the whole feed) if it is younger than the time to
     * live and was ranked by {@code rankedBy}; a copy without the articles consumed since when there are some.
     */
    FeedSnapshot current(String readerId, String section, String rankedBy, Instant now) {
        ReaderFeeds feeds = enabled() ? readers.getIfPresent(readerId) : null;
        if (feeds == null) {
            return null;
        }
        Current found = feeds.current(section, rankedBy, now.minus(ttl), this::nextId);
        if (found == null) {
            return null;
        }
        (found.filtered() ? forks : hits).increment();
        return found.snapshot();
    }

    /** The reader's kept snapshot for a section filter as it is, however old; null when none is kept. */
    FeedSnapshot peek(String readerId, String section) {
        ReaderFeeds feeds = enabled() ? readers.getIfPresent(readerId) : null;
        return feeds == null ? null : feeds.get(section);
    }

    /** Puts {@code next} in the place of {@code current} unless the reader's snapshot changed meanwhile. */
    void replace(String readerId, FeedSnapshot current, FeedSnapshot next) {
        ReaderFeeds feeds = enabled() ? readers.getIfPresent(readerId) : null;
        if (feeds != null) {
            feeds.replace(current, next);
        }
    }

    /**
     * The snapshot a cursor names, if it is the reader's current one for that section filter or the one the current
     * one replaced (pages opened before the reader's latest visit read on from it).
     */
    FeedSnapshot byId(String readerId, String section, long id) {
        ReaderFeeds feeds = enabled() ? readers.getIfPresent(readerId) : null;
        return feeds == null ? null : feeds.byId(section, id);
    }

    /** Keeps a computed feed unless the reader's events changed since {@code version} was read. */
    void keep(String readerId, FeedSnapshot snapshot, long version) {
        if (enabled()) {
            readers.get(readerId, k -> new ReaderFeeds()).keep(snapshot, version);
        }
    }

    /**
     * Notes that a reader took up or hid articles; returns the section filters of the reader's snapshots (empty when
     * none is kept).
     */
    List<String> consumed(String readerId, Set<String> articleIds) {
        ReaderFeeds feeds = enabled() ? readers.getIfPresent(readerId) : null;
        return feeds == null ? List.of() : feeds.consumed(articleIds);
    }

    /** Drops the reader's snapshots (their followed sections changed, say). */
    void forget(String readerId) {
        ReaderFeeds feeds = readers.getIfPresent(readerId);
        if (feeds != null) {
            feeds.forget();
        }
    }

    /** Leaves an article out of every kept feed's next first page (it left the newsroom). */
    void withdraw(String articleId) {
        readers.asMap().values().forEach(feeds -> feeds.withdraw(articleId));
    }

    private record Current(FeedSnapshot snapshot, boolean filtered) {
    }

    /** One reader's snapshots by section filter ("" for the whole feed) and the count of event batches. */
    private static final class ReaderFeeds {

        private final Map<String, FeedSnapshot> bySection = new HashMap<>();
        /** The snapshot each current one replaced, for the cursors of pages opened from it. */
        private final Map<String, FeedSnapshot> copiedFrom = new HashMap<>();
        private long version;

        synchronized long version() {
            return version;
        }

        synchronized FeedSnapshot get(String section) {
            return bySection.get(key(section));
        }

        synchronized FeedSnapshot byId(String section, long id) {
            for (FeedSnapshot s : new FeedSnapshot[] {bySection.get(key(section)), copiedFrom.get(key(section))}) {
                if (s != null && s.id() == id) {
                    return s;
                }
            }
            return null;
        }

        /** Puts a copy in the place of the section's current snapshot, remembering what it was copied from. */
        private void copied(FeedSnapshot from, FeedSnapshot copy) {
            bySection.put(key(copy.section()), copy);
            if (from.id() != copy.id()) {
                copiedFrom.put(key(copy.section()), from);
            }
        }

        synchronized Current current(String section, String rankedBy, Instant notBefore, LongSupplier ids) {
            FeedSnapshot found = bySection.get(key(section));
            if (found == null) {
                return null;
            }
            if (found.asOf().isBefore(notBefore) || !found.rankedBy().equals(rankedBy)) {
                bySection.remove(key(section));
                copiedFrom.remove(key(section));
                return null;
            }
            if (found.consumed().isEmpty()) {
                return new Current(found, false);
            }
            FeedSnapshot copy = found.without(ids.getAsLong(), Set.copyOf(found.consumed()));
            copied(found, copy);
            return new Current(copy, true);
        }

        synchronized void replace(FeedSnapshot current, FeedSnapshot next) {
            if (bySection.get(key(current.section())) == current) {
                copied(current, next);
            }
        }

        synchronized void keep(FeedSnapshot snapshot, long readVersion) {
            if (version == readVersion) {
                FeedSnapshot replaced = bySection.put(key(snapshot.section()), snapshot);
                if (replaced != null) {
                    copiedFrom.put(key(snapshot.section()), replaced);
                }
            }
        }

        synchronized List<String> consumed(Set<String> articleIds) {
            version++;
            bySection.values().forEach(s -> s.consumed().addAll(articleIds));
            return bySection.values().stream().map(FeedSnapshot::section).toList();
        }

        /** Like {@link #consumed} but no event of the reader's: a feed being computed may keep it, pages drop it. */
        synchronized void withdraw(String articleId) {
            bySection.values().forEach(s -> s.consumed().add(articleId));
        }

        synchronized void forget() {
            version++;
            bySection.clear();
            copiedFrom.clear();
        }

        private static String key(String section) {
            return section == null ? "" : section;
        }
    }
}
