package io.newsdesk.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsdesk.core.ml.llm.GenerationOptions;
import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.core.ml.store.LoadedLm;
import io.newsdesk.core.problem.ServiceUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request timeout, cancellation and turn-taking of completions, on the tiny Llama fixture core's tests ship. */
class CompletionServiceTest {

    private static final Path TINY = Path.of("../core/src/test/resources/models/tiny-llama");
    private static LoadedLm model;

    @BeforeAll
    static void load() throws Exception {
        model = LoadedLm.load("tiny", TINY, ai.djl.Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static CompletionService.Prepared request(int maxTokens, int answers) {
        return new CompletionService.Prepared(model, List.of(model.tokenizer().encode("The mayor said the new budget")),
                new GenerationOptions(maxTokens, 1.0, 0, 1, 1, 5, List.of(), List.of()), answers);
    }

    @Test
    void aRequestPastTheTimeoutStopsAndIsAGatewayTimeoutCountedAsSuch() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CompletionService service = new CompletionService(null, Duration.ofMillis(30), meters);
        AtomicInteger pieces = new AtomicInteger();
        CompletionService.Completion c = service.run(request(200, 8), (piece, choice) -> {
            pieces.incrementAndGet();
            sleep(5);
        }, () -> false);
        assertThat(c.timedOut()).isTrue();
        assertThat(c.choices()).as("answers not begun are left out").hasSizeLessThan(8);
        assertThat(c.completionTokens()).isLessThan(200);
        assertThatThrownBy(() -> CompletionService.finished(c)).isInstanceOf(GenerationTimeoutException.class);
        assertThat(meters.counter("newsdesk.generations", "model", "tiny", "outcome", "timeout").count()).isEqualTo(1);
    }

    @Test
    void aClientThatGoesAwayStopsTheGenerationAndNoFurtherAnswerBegins() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CompletionService service = new CompletionService(null, Duration.ofSeconds(60), meters);
        AtomicInteger pieces = new AtomicInteger();
        CompletionService.Completion c = service.run(request(200, 4), (piece, choice) -> pieces.incrementAndGet(),
                () -> pieces.get() >= 3);
        assertThat(c.timedOut()).isFalse();
        assertThat(c.choices()).singleElement()
                .satisfies(g -> assertThat(g.finishReason()).isEqualTo(TextGenerator.FinishReason.CANCELLED));
        assertThat(c.completionTokens()).isLessThan(10);
        assertThat(meters.counter("newsdesk.generations", "model", "tiny", "outcome", "cancelled").count()).isEqualTo(1);
        assertThat(meters.counter("newsdesk.generated.tokens", "model", "tiny").count()).isEqualTo(c.completionTokens());
    }

    @Test
    void aRequestThatCannotGetTheModelsTurnWithinTheTimeoutIsRefusedAsBusy() throws Exception {
        CompletionService service = new CompletionService(null, Duration.ofMillis(200), new SimpleMeterRegistry());
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> model.withTurn(Instant.now().plusSeconds(10), g -> {
            holding.countDown();
            await(release);
            return null;
        }));
        other.start();
        try {
            holding.await();
            assertThatThrownBy(() -> service.run(request(5, 1), (piece, choice) -> { }, () -> false))
                    .isInstanceOf(ServiceUnavailableException.class).hasMessageContaining("busy");
        } finally {
            release.countDown();
            other.join();
        }
        assertThat(service.run(request(5, 1), (piece, choice) -> { }, () -> false).choices()).hasSize(1);
    }

    @Test
    void aRequestThatLeavesSamplingOutGetsWhatTheModelsPublisherRecommends(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        for (String file : List.of("config.json", "model.safetensors", "tokenizer.json")) {
            java.nio.file.Files.copy(TINY.resolve(file), folder.resolve(file));
        }
        java.nio.file.Files.writeString(folder.resolve("generation_config.json"), "{\"temperature\": 0, \"eos_token_id\": 1}");
        CompletionService service = new CompletionService(null, Duration.ofSeconds(60), new SimpleMeterRegistry());
        List<int[]> prompt = List.of(model.tokenizer().encode("The mayor said the new budget"));
        try (LoadedLm greedyByDefault = LoadedLm.load("greedy", folder, ai.djl.Device.cpu())) {
            List<String> texts = new java.util.ArrayList<>();
            for (long seed : new long[] {1, 2}) {
                var unset = new SamplingParameters(12, null, null, null, null, seed, null, null);
                texts.add(service.run(CompletionService.prepare(greedyByDefault, prompt, unset, "prompt"), (p, c) -> { }, () -> false)
                        .first().text());
            }
            var sampled = new SamplingParameters(12, 1.0, null, null, null, 2L, null, null);
            String asked = service.run(CompletionService.prepare(greedyByDefault, prompt, sampled, "prompt"), (p, c) -> { }, () -> false)
                    .first().text();
            String greedy = new TextGenerator(model.model(), model.tokenizer()).generate("The mayor said the new budget",
                    new GenerationOptions(12, 0, 0, 1, 1, 0, List.of(1), List.of())).text();
            assertThat(texts).as("two seeds, no temperature asked: the folder's temperature 0").containsOnly(greedy);
            assertThat(asked).as("a temperature asked for overrides the folder's").isNotEqualTo(greedy);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
