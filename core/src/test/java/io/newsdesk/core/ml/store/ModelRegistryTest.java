package io.newsdesk.core.ml.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.core.problem.ServiceUnavailableException;
import io.newsdesk.core.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loading a model takes seconds for a real one: while it loads, the registry must go on serving other models and
 * listings, load it once for all who ask, and not keep a load that a new registration made stale. The loader here
 * waits on a latch before loading the fixture, to hold a load open.
 */
class ModelRegistryTest {

    static final Path STORE = Path.of("src/test/resources/models");
    static TestDatabase db;

    @BeforeAll
    static void database() {
        db = TestDatabase.create("models");
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    /** A loader that counts its loads and holds the one for {@code slow} until released. */
    static final class HeldLoader implements ModelRegistry.Loader {
        final String slow;
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger loads = new AtomicInteger();

        HeldLoader(String slow) {
            this.slow = slow;
        }

        @Override
        public LoadedLm load(String name, Path folder) throws java.io.IOException {
            loads.incrementAndGet();
            if (name.equals(slow)) {
                started.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return LoadedLm.load(name, folder, ai.djl.Device.cpu());
        }
    }

    /** What a test does with a registry and a pool of threads to call it from. */
    @FunctionalInterface
    interface RegistryScenario {
        void run(ModelRegistry registry, ExecutorService pool) throws Exception;
    }

    /** Runs {@code scenario} on a fresh registry of the fixture store, closing it and the pool afterwards. */
    static void withRegistry(ModelRegistry.Loader loader, int threads, RegistryScenario scenario) throws Exception {
        ModelRegistry registry = new ModelRegistry(db.dataSource(), STORE, Long.MAX_VALUE, loader);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            scenario.run(registry, pool);
        } finally {
            pool.shutdownNow();
            registry.close();
        }
    }

    @Test
    void aModelLoadingHoldsUpNeitherOtherModelsNorListingsAndLoadsOnce() throws Exception {
        HeldLoader loader = new HeldLoader("slow");
        withRegistry(loader, 3, (registry, pool) -> {
            registry.register("slow", ModelTask.TEXT_GENERATION, "tiny-llama");
            registry.register("quick", ModelTask.TEXT_GENERATION, "tiny-qwen2");
            CompletableFuture<LoadedLm> first = CompletableFuture.supplyAsync(() -> registry.textGeneration("slow"), pool);
            CompletableFuture<LoadedLm> second = CompletableFuture.supplyAsync(() -> registry.textGeneration("slow"), pool);
            try {
                assertThat(loader.started.await(10, TimeUnit.SECONDS)).isTrue();
                CompletableFuture<LoadedLm> other = CompletableFuture.supplyAsync(() -> registry.textGeneration("quick"), pool);
                assertThat(other.get(10, TimeUnit.SECONDS).name()).as("another model loads meanwhile").isEqualTo("quick");
                assertThat(CompletableFuture.supplyAsync(registry::list, pool).get(10, TimeUnit.SECONDS))
                        .as("and the list answers").extracting(RegisteredModel::name).contains("slow", "quick");
                assertThat(first).isNotDone();
            } finally {
                loader.release.countDown();
            }
            assertThat(first.get(20, TimeUnit.SECONDS)).isSameAs(second.get(20, TimeUnit.SECONDS));
            assertThat(loader.loads.get()).as("slow once, quick once").isEqualTo(2);
        });
    }

    @Test
    void aLoadThatARegistrationOvertookIsNotKept() throws Exception {
        HeldLoader loader = new HeldLoader("moving");
        withRegistry(loader, 1, (registry, pool) -> {
            registry.register("moving", ModelTask.TEXT_GENERATION, "tiny-llama");
            CompletableFuture<LoadedLm> stale = CompletableFuture.supplyAsync(() -> registry.textGeneration("moving"), pool);
            assertThat(loader.started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(5); // the registration time must differ from the one being loaded
            registry.register("moving", ModelTask.TEXT_GENERATION, "tiny-qwen2");
            loader.release.countDown();
            assertThatThrownBy(() -> stale.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(ServiceUnavailableException.class)
                    .hasMessageContaining("registered again");
            assertThat(registry.textGeneration("moving").model().config().modelType()).isEqualTo("qwen2");
        });
    }

    @Test
    void registrationsAndDeletionsOfOneNameRacingNeverFail() throws Exception {
        withRegistry(new HeldLoader("none"), 8, (registry, pool) -> {
            RegisteredModel first = registry.register("racing", ModelTask.TEXT_GENERATION, "tiny-qwen2");
            assertThat(registry.find("racing")).as("what register returns is what is stored").contains(first);
            List<CompletableFuture<Object>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 80; i++) {
                boolean register = i % 2 == 0;
                calls.add(CompletableFuture.supplyAsync(() -> register
                        ? registry.register("racing", ModelTask.TEXT_GENERATION, "tiny-llama")
                        : registry.delete("racing"), pool));
            }
            for (CompletableFuture<Object> call : calls) {
                Object result = call.get(20, TimeUnit.SECONDS);
                if (result instanceof RegisteredModel model) {
                    assertThat(model.folder()).isEqualTo("tiny-llama");
                    assertThat(model.architecture()).isEqualTo("llama");
                }
            }
        });
    }
}
