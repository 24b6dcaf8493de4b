package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a causal LM's {@code config.json} says about its shape, for the architectures this runtime implements.
 *
 * @param attentionBias whether the q/k/v projections have biases (Qwen2 always; Llama when {@code attention_bias})
 * @param eosTokenIds   every token that ends a generation, from {@code config.json} and {@code generation_config.json}
 *                      (Llama 3 instruct models end turns with more than one)
 */
public record CausalLmConfig(String modelType, int vocabSize, int hiddenSize, int intermediateSize, int layers,
        int heads, int kvHeads, int headDim, double rmsNormEps, double ropeTheta, RopeScaling ropeScaling,
        boolean tiedEmbeddings, boolean attentionBias, int maxPositions, int bosTokenId, List<Integer> eosTokenIds) {

    static final Set<String> SUPPORTED = Set.of("llama", "mistral", "qwen2");

    public CausalLmConfig {
        eosTokenIds = List.copyOf(eosTokenIds);
        if (!SUPPORTED.contains(modelType)) {
            throw new IllegalArgumentException("model_type " + modelType + " is not supported; supported: " + SUPPORTED);
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + heads + " is not a multiple of num_key_value_heads " + kvHeads);
        }
    }

    public static CausalLmConfig read(Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode c = json.readTree(Files.readString(folder.resolve("config.json")));
        Set<Integer> eos = new LinkedHashSet<>(tokenIds(c.path("eos_token_id")));
        Path generation = folder.resolve("generation_config.json");
        if (Files.isRegularFile(generation)) {
            eos.addAll(tokenIds(json.readTree(Files.readString(generation)).path("eos_token_id")));
        }
        String type = c.path("model_type").asText();
        int hidden = c.path("hidden_size").asInt();
        int heads = c.path("num_attention_heads").asInt();
        JsonNode rope = c.has("rope_parameters") ? c.path("rope_parameters") : c.path("rope_scaling");
        double theta = rope.has("rope_theta") ? rope.get("rope_theta").asDouble() : c.path("rope_theta").asDouble(10_000);
        return new CausalLmConfig(type, c.path("vocab_size").asInt(), hidden, c.path("intermediate_size").asInt(),
                c.path("num_hidden_layers").asInt(), heads, c.path("num_key_value_heads").asInt(heads),
                c.path("head_dim").asInt(hidden / heads), c.path("rms_norm_eps").asDouble(1e-6), theta,
                RopeScaling.of(rope), c.path("tie_word_embeddings").asBoolean(false),
                type.equals("qwen2") || c.path("attention_bias").asBoolean(false),
                c.path("max_position_embeddings").asInt(2048), c.path("bos_token_id").asInt(-1), List.copyOf(eos));
    }

    private static List<Integer> tokenIds(JsonNode node) {
        List<Integer> ids = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(id -> ids.add(id.asInt()));
        } else if (node.isInt()) {
            ids.add(node.asInt());
        }
        return ids;
    }
}
