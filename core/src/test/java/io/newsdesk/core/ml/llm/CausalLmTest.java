package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime computes what Hugging Face transformers computes on the same weights: the tiny Llama (grouped-query
 * attention, untied head) and Qwen2 (q/k/v biases, tied embeddings, RoPE theta 1e6) fixtures with golden logits at
 * every position of three prompts and 24 greedy tokens each (test resources copied from ../shared/fixtures/models).
 */
class CausalLmTest {

    static final double RELATIVE_TOLERANCE = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama", "tiny-qwen2"})
    void logitsAtEveryPositionAndGreedyTokensMatchTheReference(String name) throws Exception {
        Path folder = Path.of(getClass().getResource("/models/" + name + "/config.json").toURI()).getParent();
        JsonNode golden = new ObjectMapper().readTree(Files.readString(folder.resolve("golden.json")));
        try (CausalLm model = CausalLm.load(folder)) {
            for (JsonNode c : golden.get("cases")) {
                int[] ids = ints(c.get("input_ids"));
                float[][] logits;
                try (KvCache cache = model.newCache()) {
                    logits = model.forward(ids, cache);
                }
                assertThat(logits).hasNumberOfRows(ids.length);
                for (int pos = 0; pos < ids.length; pos++) {
                    JsonNode expected = c.get("all_logits").get(pos);
                    double scale = 0;
                    double worst = 0;
                    for (int v = 0; v < expected.size(); v++) {
                        scale = Math.max(scale, Math.abs(expected.get(v).asDouble()));
                        worst = Math.max(worst, Math.abs(logits[pos][v] - expected.get(v).asDouble()));
                    }
                    assertThat(worst / scale).as("%s, \"%s\", position %d: largest error relative to the largest logit",
                            name, c.get("prompt").asText(), pos).isLessThan(RELATIVE_TOLERANCE);
                }
                float[] last;
                try (KvCache cache = model.newCache()) {
                    last = model.forwardLast(ids, cache);
                    assertThat(cache.length()).isEqualTo(ids.length);
                }
                JsonNode expectedLast = c.get("all_logits").get(ids.length - 1);
                for (int v = 0; v < expectedLast.size(); v++) {
                    assertThat((double) last[v]).as("%s last-position logit %d", name, v)
                            .isCloseTo(expectedLast.get(v).asDouble(), org.assertj.core.api.Assertions.within(1e-4));
                }
                int[] greedy = new GreedyDecoder(model).generate(ids, 24, -1);
                assertThat(greedy).as("%s greedy ids for \"%s\"", name, c.get("prompt").asText())
                        .containsExactly(ints(c.get("greedy_new_ids")));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-llama", "tiny-qwen2"})
    void forwardPassesLeaveNothingBehindInTheModel(String name) throws Exception {
        Path folder = Path.of(getClass().getResource("/models/" + name + "/config.json").toURI()).getParent();
        try (CausalLm model = CausalLm.load(folder)) {
            int held = model.arraysHeld();
            for (int round = 0; round < 3; round++) {
                try (KvCache cache = model.newCache()) {
                    model.forward(new int[] {1, 2, 3}, cache);
                    for (int step = 0; step < 20; step++) {
                        model.forwardLast(new int[] {4 + step}, cache);
                    }
                }
                // a service runs millions of passes on one loaded model: each must free all it made
                assertThat(model.arraysHeld()).as("arrays held after round %d", round).isEqualTo(held);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-qwen2"})
    void tokenIdsOutsideTheVocabularyOrBeyondTheContextAreRefused(String name) throws Exception {
        Path folder = Path.of(getClass().getResource("/models/" + name + "/config.json").toURI()).getParent();
        try (CausalLm model = CausalLm.load(folder); KvCache cache = model.newCache()) {
            assertThatThrownBy(() -> model.forward(new int[] {0, 512}, cache)).hasMessageContaining("outside the vocabulary");
            assertThatThrownBy(() -> model.forward(new int[257], cache)).hasMessageContaining("at most 256");
            assertThat(cache.length()).isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void aFolderMissingWeightsItsConfigNamesIsRefusedWithTheirNames(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path fixture = Path.of(getClass().getResource("/models/tiny-llama/config.json").toURI()).getParent();
        Files.copy(fixture.resolve("model.safetensors"), temp.resolve("model.safetensors"));
        com.fasterxml.jackson.databind.node.ObjectNode config =
                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(fixture.resolve("config.json").toFile());
        config.put("num_hidden_layers", config.path("num_hidden_layers").asInt() + 1);
        Files.writeString(temp.resolve("config.json"), config.toString());
        assertThatThrownBy(() -> CausalLm.load(temp)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights missing").hasMessageContaining("model.layers.2.self_attn.q_proj.weight");
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
