package io.newsdesk.core.ml.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Models named for preloading are in memory before anyone asks; a name that cannot load does not stop the rest. */
class ModelPreloaderTest {

    @Test
    void preloadsTheNamedModelsAndSkipsTheOnesThatCannotLoad() {
        try (TestDatabase db = TestDatabase.create("preload")) {
            ModelRegistry registry = new ModelRegistry(db.dataSource(), ModelRegistryTest.STORE, Long.MAX_VALUE,
                    (name, folder) -> LoadedLm.load(name, folder, ai.djl.Device.cpu()));
            try {
                registry.register("llama", ModelTask.TEXT_GENERATION, "tiny-llama");
                registry.register("qwen", ModelTask.TEXT_GENERATION, "tiny-qwen2");
                registry.register("idle", ModelTask.TEXT_GENERATION, "tiny-qwen2");
                List<String> loaded = new ModelPreloader(registry, List.of("llama", "never-registered", "qwen")).preload();
                assertThat(loaded).containsExactly("llama", "qwen");
                assertThat(registry.list()).filteredOn(RegisteredModel::loaded).extracting(RegisteredModel::name)
                        .containsExactlyInAnyOrder("llama", "qwen");
            } finally {
                registry.close();
            }
        }
    }
}
