package io.newsdesk.recommend.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.content.ArticleKind;
import io.newsdesk.core.content.ArticleSummary;
import io.newsdesk.core.embed.Vectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiversifiedOrderTest {

    static final DiversifiedOrder.Settings SETTINGS = new DiversifiedOrder.Settings(0.7, 0.5, 0.97);

    private final List<FeedCandidate> ranked = new ArrayList<>();
    private final Map<String, float[]> vectors = new HashMap<>();

    @Test
    void theOrderIsTheSameHoweverFarItIsExtended() {
        Random random = new Random(7);
        for (int i = 0; i < 60; i++) {
            add("a" + i, i % 3 == 0 ? "sport" : i % 3 == 1 ? "culture" : "politics", 1.0 - i / 100.0, randomVector(random));
        }
        List<String> full = ids(new DiversifiedOrder(ranked, vectors, SETTINGS).upTo(40));
        DiversifiedOrder paged = new DiversifiedOrder(ranked, vectors, SETTINGS);
        List<String> byPages = new ArrayList<>(ids(paged.upTo(7)));
        byPages.addAll(ids(paged.upTo(19)).subList(7, 19));
        byPages.addAll(ids(paged.upTo(40)).subList(19, 40));
        assertThat(byPages).isEqualTo(full);
        assertThat(full).doesNotHaveDuplicates().hasSize(40);
    }

    @Test
    void aStoryFiledTwiceAppearsOnceAndNoSectionTakesMoreThanItsShare() {
        float[] story = new float[16];
        story[0] = 1;
        add("story", "sport", 1.0, story);
        add("story-copy", "sport", 0.99, story.clone());
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) {
            add("sport" + i, "sport", 0.9 - i / 100.0, randomVector(random));
        }
        for (int i = 0; i < 5; i++) {
            add("culture" + i, "culture", 0.3 - i / 100.0, randomVector(random));
        }
        List<FeedCandidate> order = new DiversifiedOrder(ranked, vectors, SETTINGS).upTo(10);
        assertThat(ids(order)).contains("story").doesNotContain("story-copy");
        long sport = order.stream().filter(c -> c.article().section().equals("sport")).count();
        assertThat(sport).isLessThanOrEqualTo(5); // half of ten
    }

    @Test
    void withoutLeavesArticlesOutAndOrdersTheRestAfresh() {
        Random random = new Random(11);
        for (int i = 0; i < 10; i++) {
            add("a" + i, "sport", 1.0 - i / 10.0, randomVector(random));
        }
        DiversifiedOrder order = new DiversifiedOrder(ranked, vectors, new DiversifiedOrder.Settings(1.0, 1.0, 0.97));
        assertThat(ids(order.upTo(3))).containsExactly("a0", "a1", "a2");
        assertThat(ids(order.without(Set.of("a0", "a2")).upTo(3))).containsExactly("a1", "a3", "a4");
        assertThat(ids(order.upTo(3))).as("the original is unchanged").containsExactly("a0", "a1", "a2");
    }

    @Test
    void aCopyOrdersItsCandidatesAsAnOrderBuiltFromThemAlone() {
        Random random = new Random(5);
        for (int i = 0; i < 80; i++) {
            add("a" + i, "s" + (i % 4), 1.0 - i / 200.0, i % 9 == 0 ? null : randomVector(random));
        }
        DiversifiedOrder original = new DiversifiedOrder(ranked, vectors, SETTINGS);
        List<String> firstPage = ids(original.upTo(21));
        // the top item, one from the middle of the page and one the original never reached
        Set<String> read = Set.of(firstPage.get(0), firstPage.get(9), "a77");
        DiversifiedOrder copy = original.without(read);
        DiversifiedOrder copyOfCopy = copy.without(Set.of(firstPage.get(4)));

        assertThat(ids(copy.upTo(40))).isEqualTo(ids(fresh(read).upTo(40)));
        Set<String> both = new java.util.HashSet<>(read);
        both.add(firstPage.get(4));
        assertThat(ids(copyOfCopy.upTo(40))).isEqualTo(ids(fresh(both).upTo(40)));
        assertThat(copy.offers(firstPage.get(9))).isFalse();
        assertThat(copy.offers(firstPage.get(1))).isTrue();
        assertThat(original.offers(firstPage.get(9))).isTrue();
        assertThat(ids(original.upTo(21))).as("the original is unchanged").isEqualTo(firstPage);
    }

    private DiversifiedOrder fresh(Set<String> leftOut) {
        List<FeedCandidate> rest = ranked.stream().filter(c -> !leftOut.contains(c.article().id())).toList();
        return new DiversifiedOrder(rest, vectors, SETTINGS);
    }

    private void add(String id, String section, double score, float[] vector) {
        ArticleSummary article = new ArticleSummary(id, id, null, section, ArticleKind.ARTICLE, "en", List.of(),
                Instant.EPOCH, 1);
        ranked.add(new FeedCandidate(article, score, List.of("test"), "test", null));
        vectors.put(id, vector);
    }

    private static float[] randomVector(Random random) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalise(v);
    }

    static List<String> ids(List<FeedCandidate> candidates) {
        return candidates.stream().map(c -> c.article().id()).toList();
    }
}
