package io.newsdesk.core.ml.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.core.problem.ServiceUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Requests take turns on one model; a request whose turn does not come before its deadline is refused. */
class LoadedLmTest {

    static final Path TINY = Path.of("src/test/resources/models/tiny-qwen2");

    @Test
    void aRequestThatCannotGetATurnBeforeItsDeadlineIsRefused() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2); // the common pool may have one thread
        try (LoadedLm lm = LoadedLm.load("tiny", TINY, ai.djl.Device.cpu())) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> lm.withTurn(Instant.now().plusSeconds(10), g -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 1;
            }), pool);
            try {
                holding.await();
                assertThat(lm.waiting()).isZero();
                CompletableFuture<Integer> queued = CompletableFuture.supplyAsync(() -> lm.withTurn(Instant.now().plusSeconds(10), g -> 4),
                        pool);
                long until = System.currentTimeMillis() + 5_000;
                while (lm.waiting() == 0 && System.currentTimeMillis() < until) {
                    Thread.sleep(5);
                }
                assertThat(lm.waiting()).as("a request queued behind the one generating").isEqualTo(1);
                Instant started = Instant.now();
                assertThatThrownBy(() -> lm.withTurn(Instant.now().plusMillis(200), g -> 2))
                        .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("busy");
                assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(190));
                release.countDown();
                assertThat(first.get()).isEqualTo(1);
                assertThat(queued.get()).isEqualTo(4);
            } finally {
                release.countDown(); // a failed assertion must not leave the turn held, or closing the model waits forever
            }
            int third = lm.withTurn(Instant.now().plusMillis(200), g -> 3);
            assertThat(third).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }
}
