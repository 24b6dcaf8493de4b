package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sampling a model's publisher recommends in its {@code generation_config.json} (temperature, top_p, top_k,
 * repetition_penalty): what a request that does not set a field gets, as vLLM applies them. Fields the file lacks,
 * or holds out of range, are null. {@code do_sample} is not read: an OpenAI request samples unless its temperature
 * is 0. Nor is {@code max_new_tokens}: the service's default answer length stays the same for every model.
 */
public record SamplingDefaults(Double temperature, Double topP, Integer topK, Double repetitionPenalty) {

    public static final SamplingDefaults NONE = new SamplingDefaults(null, null, null, null);

    public static SamplingDefaults read(Path folder) throws IOException {
        Path file = folder.resolve("generation_config.json");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode c = new ObjectMapper().readTree(Files.readString(file));
        return new SamplingDefaults(
                number(c, "temperature", 0, 2, true),
                number(c, "top_p", 0, 1, false),
                c.path("top_k").canConvertToInt() && c.path("top_k").asInt() >= 0 ? c.path("top_k").asInt() : null,
                number(c, "repetition_penalty", 0, 10, false));
    }

    /** The field when it is a number in range ({@code min} itself allowed only when {@code minAllowed}). */
    private static Double number(JsonNode config, String field, double min, double max, boolean minAllowed) {
        JsonNode node = config.path(field);
        if (!node.isNumber()) {
            return null;
        }
        double value = node.asDouble();
        return (value > min || (minAllowed && value == min)) && value <= max ? value : null;
    }
}
