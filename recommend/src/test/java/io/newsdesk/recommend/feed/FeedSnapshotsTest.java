package io.newsdesk.recommend.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsdesk.core.content.ArticleKind;
import io.newsdesk.core.content.ArticleSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedSnapshotsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedSnapshots snapshots = new FeedSnapshots(Duration.ofMinutes(5), 100, registry);
    private final Instant now = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void aKeptFeedServesTheNextVisitAndItsPagesByIdUntilItExpires() {
        long version = snapshots.version("r1");
        FeedSnapshot feed = feed(snapshots.nextId(), now, "mlp-v1", "a", "b", "c");
        snapshots.keep("r1", feed, version);

        assertThat(snapshots.current("r1", null, "mlp-v1", now.plusSeconds(60))).isSameAs(feed);
        assertThat(snapshots.byId("r1", null, feed.id())).isSameAs(feed);
        assertThat(snapshots.current("r1", "sport", "mlp-v1", now)).as("another section filter").isNull();
        assertThat(snapshots.current("r2", null, "mlp-v1", now)).as("another reader").isNull();
        assertThat(snapshots.current("r1", null, "mlp-v1", now.plus(Duration.ofMinutes(6)))).as("expired").isNull();
        assertThat(snapshots.byId("r1", null, feed.id())).as("dropped when found expired").isNull();
    }

    @Test
    void feedsBeyondTheBoundOnReadersAreDroppedAndCounted() {
        for (int r = 0; r < 150; r++) {
            snapshots.keep("r" + r, feed(snapshots.nextId(), now, "mlp-v1", "a"), snapshots.version("r" + r));
        }
        assertThat(snapshots.keptReaders()).isEqualTo(100);
        assertThat(registry.get("cache.evictions").tag("cache", "feed-snapshots").functionCounter().count()).isEqualTo(50);
        assertThat(registry.get("cache.size").tag("cache", "feed-snapshots").gauge().value()).isEqualTo(100);
    }

    @Test
    void atTheBoundOnlyReadersWithKeptFeedsHaveRoom() {
        for (int r = 0; r < 99; r++) {
            snapshots.keep("r" + r, feed(snapshots.nextId(), now, "mlp-v1", "a"), snapshots.version("r" + r));
        }
        assertThat(snapshots.hasRoomFor("newcomer")).as("one place left").isTrue();
        snapshots.keep("r99", feed(snapshots.nextId(), now, "mlp-v1", "a"), snapshots.version("r99"));

        assertThat(snapshots.hasRoomFor("newcomer")).isFalse();
        assertThat(snapshots.hasRoomFor("r42")).as("a new feed replaces the reader's own").isTrue();
        assertThat(new FeedSnapshots(Duration.ZERO, 100, registry).hasRoomFor("r42")).as("nothing is kept").isFalse();
    }

    @Test
    void aNewerRankerMakesAKeptFeedStale() {
        snapshots.keep("r1", feed(snapshots.nextId(), now, "mlp-v1", "a"), snapshots.version("r1"));
        assertThat(snapshots.current("r1", null, "mlp-v2", now)).isNull();
    }

    @Test
    void whatTheReaderConsumedLeavesTheNextFirstPageButNotTheOpenPages() {
        FeedSnapshot feed = feed(snapshots.nextId(), now, "mlp-v1", "a", "b", "c", "d");
        snapshots.keep("r1", feed, snapshots.version("r1"));

        assertThat(snapshots.consumed("r1", Set.of("b"))).containsExactly((String) null);
        assertThat(snapshots.consumed("r9", Set.of("b"))).as("no feed kept, nothing to refresh").isEmpty();
        FeedSnapshot next = snapshots.current("r1", null, "mlp-v1", now);
        assertThat(DiversifiedOrderTest.ids(next.order().upTo(10))).containsExactly("a", "c", "d");
        assertThat(next.id()).isNotEqualTo(feed.id());
        assertThat(next.asOf()).isEqualTo(feed.asOf());
        assertThat(DiversifiedOrderTest.ids(feed.order().upTo(10))).as("pages of the first snapshot stay as they were")
                .containsExactly("a", "b", "c", "d");
        assertThat(next.leftOut("b")).as("remembered, so it cannot come back as an arrival").isTrue();
        assertThat(next.leftOut("a")).isFalse();
        assertThat(snapshots.byId("r1", null, feed.id())).as("open pages read on from it").isSameAs(feed);
        assertThat(snapshots.current("r1", null, "mlp-v1", now)).as("the filtered copy is now kept").isSameAs(next);
        FeedSnapshot refreshed = feed(snapshots.nextId(), now.plusSeconds(5), "mlp-v1", "c", "d");
        snapshots.keep("r1", refreshed, snapshots.version("r1"));
        assertThat(snapshots.byId("r1", null, next.id())).as("one snapshot back").isSameAs(next);
        assertThat(snapshots.byId("r1", null, feed.id())).as("two back").isNull();
        assertThat(registry.get("newsdesk.feed.snapshots").tag("outcome", "filtered").counter().count()).isEqualTo(1);
        assertThat(registry.get("newsdesk.feed.snapshots").tag("outcome", "hit").counter().count()).isEqualTo(1);
    }

    @Test
    void aFeedComputedWhileTheReadersEventsWereStoredIsNotKept() {
        long before = snapshots.version("r1");
        snapshots.consumed("r1", Set.of("a")); // events stored while the feed was being computed
        snapshots.keep("r1", feed(snapshots.nextId(), now, "mlp-v1", "a", "b"), before);
        assertThat(snapshots.current("r1", null, "mlp-v1", now)).isNull();

        snapshots.keep("r1", feed(snapshots.nextId(), now, "mlp-v1", "b"), snapshots.version("r1"));
        assertThat(snapshots.current("r1", null, "mlp-v1", now)).isNotNull();
    }

    @Test
    void forgettingDropsOneReader() {
        snapshots.keep("r1", feed(snapshots.nextId(), now, "mlp-v1", "a"), snapshots.version("r1"));
        snapshots.keep("r2", feed(snapshots.nextId(), now, "mlp-v1", "a"), snapshots.version("r2"));
        snapshots.forget("r1");
        assertThat(snapshots.current("r1", null, "mlp-v1", now)).isNull();
        assertThat(snapshots.current("r2", null, "mlp-v1", now)).isNotNull();
    }

    @Test
    void aWithdrawnArticleLeavesEveryKeptFeedWithoutDroppingThem() {
        snapshots.keep("r1", feed(snapshots.nextId(), now, "mlp-v1", "a", "b"), snapshots.version("r1"));
        snapshots.keep("r2", feed(snapshots.nextId(), now, "mlp-v1", "b", "c"), snapshots.version("r2"));
        long version = snapshots.version("r1");
        snapshots.withdraw("b");
        assertThat(DiversifiedOrderTest.ids(snapshots.current("r1", null, "mlp-v1", now).order().upTo(10))).containsExactly("a");
        assertThat(DiversifiedOrderTest.ids(snapshots.current("r2", null, "mlp-v1", now).order().upTo(10))).containsExactly("c");
        assertThat(snapshots.version("r1")).as("no event of the reader's").isEqualTo(version);
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        FeedSnapshots off = new FeedSnapshots(Duration.ZERO, 100, registry);
        off.keep("r1", feed(off.nextId(), now, "mlp-v1", "a"), off.version("r1"));
        assertThat(off.current("r1", null, "mlp-v1", now)).isNull();
    }

    private static FeedSnapshot feed(long id, Instant asOf, String rankedBy, String... articles) {
        List<FeedCandidate> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < articles.length; i++) {
            ArticleSummary a = new ArticleSummary(articles[i], articles[i], null, "s" + i, ArticleKind.ARTICLE, "en",
                    List.of(), asOf, 1);
            ranked.add(new FeedCandidate(a, 1.0 - i / 10.0, List.of("test"), "test", null));
        }
        return new FeedSnapshot(id, null, asOf, rankedBy, false,
                new DiversifiedOrder(ranked, Map.of(), new DiversifiedOrder.Settings(1.0, 1.0, 0.97)), ReaderInterests.NONE);
    }
}
