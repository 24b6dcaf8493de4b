package io.newsdesk.recommend.feed;

import static io.newsdesk.recommend.feed.DiversifiedOrderTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.content.ArticleKind;
import io.newsdesk.core.content.ArticleSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplicedOrderTest {

    private static final DiversifiedOrder.Settings PLAIN = new DiversifiedOrder.Settings(1.0, 1.0, 0.97);

    @Test
    void arrivalsTakeEveryOtherSlotAfterTheTopItemAndTheRestFollows() {
        SplicedOrder order = new SplicedOrder(candidates("n1", "n2"), kept("a", "b", "c", "d"));
        assertThat(ids(order.upTo(10))).containsExactly("a", "n1", "b", "n2", "c", "d");
        assertThat(ids(order.upTo(3))).as("a prefix of the whole order").containsExactly("a", "n1", "b");
    }

    @Test
    void anArticleTheKeptOrderAlsoOffersIsShownOnceInItsArrivalSlot() {
        SplicedOrder order = new SplicedOrder(candidates("c"), kept("a", "b", "c", "d"));
        assertThat(ids(order.upTo(10))).containsExactly("a", "c", "b", "d");
        assertThat(order.offers("c")).isTrue();
        assertThat(order.offers("z")).isFalse();
    }

    @Test
    void consumedArticlesLeaveBothPartsAndNewerArrivalsPushOutTheOldestBeyondTheLimit() {
        SplicedOrder order = new SplicedOrder(candidates("n1", "n2"), kept("a", "b", "c"));
        assertThat(ids(order.without(Set.of("n1", "a")).upTo(10))).containsExactly("b", "n2", "c");

        SplicedOrder newer = order.withNewer(candidates("n3"), 2);
        assertThat(ids(newer.upTo(10))).containsExactly("a", "n3", "b", "n1", "c");
    }

    @Test
    void anEmptyKeptOrderServesTheArrivals() {
        assertThat(ids(new SplicedOrder(candidates("n1", "n2"), kept()).upTo(5))).containsExactly("n1", "n2");
    }

    private static DiversifiedOrder kept(String... ids) {
        return new DiversifiedOrder(candidates(ids), Map.of(), PLAIN);
    }

    private static List<FeedCandidate> candidates(String... ids) {
        List<FeedCandidate> list = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            ArticleSummary a = new ArticleSummary(ids[i], ids[i], null, "s" + i, ArticleKind.ARTICLE, "en", List.of(),
                    Instant.parse("2026-11-30T12:00:00Z"), 1);
            list.add(new FeedCandidate(a, 1.0 - i / 10.0, List.of("test"), "test", null));
        }
        return list;
    }
}
