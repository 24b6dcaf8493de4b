package io.newsdesk.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What is remembered is never older than the last forget. */
class ReadThroughCacheTest {

    @Test
    void remembersLoadsUntilForgottenAndNeverALoadThatRacedWithAForget() {
        ReadThroughCache<String> cache = new ReadThroughCache<>(100);
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get(List.of("a"), ids -> {
            loads.incrementAndGet();
            return Map.of("a", "v1");
        })).containsEntry("a", "v1");
        assertThat(cache.get(List.of("a"), ids -> Map.of("a", "never read"))).containsEntry("a", "v1");

        cache.forget(List.of("a"));
        // a change lands while this read is under way: its answer is served but not kept
        assertThat(cache.get(List.of("a"), ids -> {
            cache.forget(List.of("a"));
            return Map.of("a", "v2, maybe stale");
        })).containsEntry("a", "v2, maybe stale");
        assertThat(cache.get(List.of("a", "b"), ids -> {
            assertThat(ids).containsExactlyInAnyOrder("a", "b");
            return Map.of("a", "v3");
        })).containsOnlyKeys("a").containsEntry("a", "v3");
        assertThat(loads).hasValue(1);
    }

    @Test
    void sizeZeroAlwaysLoads() {
        ReadThroughCache<String> cache = new ReadThroughCache<>(0);
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.get(List.of("a"), ids -> Map.of("a", "v" + loads.incrementAndGet()));
        }
        assertThat(loads).hasValue(3);
    }
}
