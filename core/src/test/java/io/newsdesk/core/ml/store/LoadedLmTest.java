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
            }));
            holding.await();
            Instant started = Instant.now();
            assertThatThrownBy(() -> lm.withTurn(Instant.now().plusMillis(200), g -> 2))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("busy");
            assertThat(Duration.between(started, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(190));
            release.countDown();
            assertThat(first.get()).isEqualTo(1);
            int third = lm.withTurn(Instant.now().plusMillis(200), g -> 3);
            assertThat(third).isEqualTo(3);
        }
    }
}
