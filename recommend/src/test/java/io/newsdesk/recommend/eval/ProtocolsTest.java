package io.newsdesk.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.recommend.engine.Interactions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProtocolsTest {

    @Test
    void heldOutShareRoundsHalfUpWithAtLeastOne() {
        assertThat(Protocols.heldOut(3)).isEqualTo(1);
        assertThat(Protocols.heldOut(14)).isEqualTo(1);
        assertThat(Protocols.heldOut(15)).isEqualTo(2);
        assertThat(Protocols.heldOut(25)).isEqualTo(3);
        assertThat(Protocols.heldOut(100)).isEqualTo(10);
    }

    @Test
    void randomSplitPartitionsEachUsersPositives() {
        Dataset data = dataset(new int[] {25, 15, 2});
        Split split = Protocols.randomSplit(data, 0);
        assertThat(split.valid().itemsOf(0)).hasSize(3);
        assertThat(split.test().itemsOf(0)).hasSize(3);
        assertThat(split.train().itemsOf(0)).hasSize(19);
        assertThat(split.test().itemsOf(1)).hasSize(2);
        assertThat(split.train().itemsOf(2)).hasSize(2);
        assertThat(split.test().itemsOf(2)).isEmpty();
        for (int u = 0; u < 3; u++) {
            Set<Integer> all = new HashSet<>();
            for (Interactions part : List.of(split.train(), split.valid(), split.test())) {
                for (int item : part.itemsOf(u)) {
                    assertThat(all.add(item)).as("item in two parts").isTrue();
                }
            }
            assertThat(all).hasSize(data.positivesOf(u).size());
        }
    }

    @Test
    void randomSplitIsFixedBySeed() {
        Dataset data = dataset(new int[] {40, 40});
        assertThat(Protocols.randomSplit(data, 3).test().itemsOf(0)).isEqualTo(Protocols.randomSplit(data, 3).test().itemsOf(0));
        assertThat(Protocols.randomSplit(data, 3).test().itemsOf(0)).isNotEqualTo(Protocols.randomSplit(data, 4).test().itemsOf(0));
    }

    @Test
    void leaveLastOutHoldsOutTheLatestTwo() {
        List<Interaction> log = new ArrayList<>();
        log.add(new Interaction("u", "a", 5, 100));
        log.add(new Interaction("u", "b", 4, 300));
        log.add(new Interaction("u", "c", 4, 200));
        log.add(new Interaction("u", "d", 1, 400)); // a negative: dropped
        log.add(new Interaction("u", "e", 3, 250));
        Dataset data = new Dataset(log, 3);
        Split split = Protocols.leaveLastOut(data, 0);
        // items are numbered in order of appearance: a=0, b=1, c=2, e=3
        assertThat(split.test().itemsOf(0)).containsExactly(1);
        assertThat(split.valid().itemsOf(0)).containsExactly(3);
        assertThat(split.train().itemsOf(0)).containsExactly(0, 2);
    }

    private static Dataset dataset(int[] positivesPerUser) {
        List<Interaction> log = new ArrayList<>();
        for (int u = 0; u < positivesPerUser.length; u++) {
            for (int i = 0; i < positivesPerUser[u]; i++) {
                log.add(new Interaction("u" + u, "i" + i, 4, i));
            }
        }
        return new Dataset(log, 3);
    }
}
