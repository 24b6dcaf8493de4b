package io.newsdesk.generation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsdesk.core.ml.llm.GenerationOptions;
import io.newsdesk.core.ml.llm.SamplingDefaults;
import io.newsdesk.core.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The sampling fields OpenAI's completion and chat requests share, checked and turned into
 * {@link GenerationOptions}. {@code top_k} and {@code repetition_penalty} are extensions other OpenAI-compatible
 * servers accept too.
 */
public record SamplingParameters(Integer maxTokens, Double temperature, Double topP, Integer topK,
        Double repetitionPenalty, Long seed, JsonNode stop, Integer n, Double frequencyPenalty, Double presencePenalty,
        int fewestTokens, JsonNode logitBias) {

    /** Most tokens one {@code logit_bias} may name. */
    public static final int MAX_BIASED_TOKENS = 300;

    /** The fields of a request that must generate at least one token. */
    public SamplingParameters(Integer maxTokens, Double temperature, Double topP, Integer topK, Double repetitionPenalty,
            Long seed, JsonNode stop, Integer n, Double frequencyPenalty, Double presencePenalty) {
        this(maxTokens, temperature, topP, topK, repetitionPenalty, seed, stop, n, frequencyPenalty, presencePenalty, 1, null);
    }

    /** The same fields, with max_tokens 0 allowed: a completion that echoes its prompt may only score it. */
    public SamplingParameters allowingNoNewTokens() {
        return new SamplingParameters(maxTokens, temperature, topP, topK, repetitionPenalty, seed, stop, n,
                frequencyPenalty, presencePenalty, 0, logitBias);
    }

    /** The same fields with OpenAI's {@code logit_bias} (null: none). */
    public SamplingParameters withLogitBias(JsonNode bias) {
        return new SamplingParameters(maxTokens, temperature, topP, topK, repetitionPenalty, seed, stop, n,
                frequencyPenalty, presencePenalty, fewestTokens, bias);
    }

    /** Without OpenAI's frequency and presence penalties. */
    public SamplingParameters(Integer maxTokens, Double temperature, Double topP, Integer topK, Double repetitionPenalty,
            Long seed, JsonNode stop, Integer n) {
        this(maxTokens, temperature, topP, topK, repetitionPenalty, seed, stop, n, null, null);
    }

    public static final int MAX_TOKENS_LIMIT = 4096;
    public static final int DEFAULT_MAX_TOKENS = 256;
    public static final int MAX_STOP_SEQUENCES = 4;
    /** Most answers (OpenAI's {@code n}) one request may ask for; each is generated in turn. */
    public static final int MAX_CHOICES = 8;

    /** The options for a model without recommended sampling: OpenAI's defaults for every field left out. */
    public GenerationOptions options(List<Integer> stopTokens) {
        return options(stopTokens, SamplingDefaults.NONE);
    }

    /**
     * The options, each field the request leaves out taken from the model's {@code generation_config.json}, else
     * OpenAI's default (temperature 1, top_p 1, no top_k, no repetition penalty, 256 tokens).
     */
    public GenerationOptions options(List<Integer> stopTokens, SamplingDefaults defaults) {
        choices();
        int max = maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens;
        if (max < fewestTokens || max > MAX_TOKENS_LIMIT) {
            throw invalid("max_tokens", "must be between " + fewestTokens + " and " + MAX_TOKENS_LIMIT
                    + (fewestTokens > 0 ? " (0 only with echo, to score the prompt)" : ""));
        }
        double t = first(temperature, defaults.temperature(), 1.0);
        if (t < 0 || t > 2) {
            throw invalid("temperature", "must be between 0 and 2");
        }
        double p = first(topP, defaults.topP(), 1.0);
        if (p <= 0 || p > 1) {
            throw invalid("top_p", "must be greater than 0 and at most 1");
        }
        int k = first(topK, defaults.topK(), 0);
        if (k < 0) {
            throw invalid("top_k", "must be 0 (off) or positive");
        }
        double penalty = first(repetitionPenalty, defaults.repetitionPenalty(), 1.0);
        if (penalty <= 0 || penalty > 10) {
            throw invalid("repetition_penalty", "must be greater than 0 and at most 10");
        }
        double frequency = openAiPenalty("frequency_penalty", frequencyPenalty);
        double presence = openAiPenalty("presence_penalty", presencePenalty);
        return new GenerationOptions(max, t, k, p, penalty, seed == null ? System.nanoTime() : seed, stopTokens, stops(),
                frequency, presence).withLogitBias(bias());
    }

    /** OpenAI's frequency or presence penalty: -2 to 2, 0 when absent (a negative one favours repetition). */
    private static double openAiPenalty(String field, Double value) {
        double penalty = value == null ? 0 : value;
        if (penalty < -2 || penalty > 2) {
            throw invalid(field, "must be between -2 and 2");
        }
        return penalty;
    }

    private static <T> T first(T requested, T recommended, T fallback) {
        return requested != null ? requested : recommended != null ? recommended : fallback;
    }

    /** How many answers to generate: {@code n}, 1 when absent. */
    public int choices() {
        int choices = n == null ? 1 : n;
        if (choices < 1 || choices > MAX_CHOICES) {
            throw invalid("n", "must be between 1 and " + MAX_CHOICES);
        }
        return choices;
    }

    /**
     * OpenAI's {@code logit_bias}: an object from token ids (as strings) to -100..100, at most
     * {@value #MAX_BIASED_TOKENS} of them; whether the ids are the model's is checked where the model is known.
     */
    private Map<Integer, Float> bias() {
        Map<Integer, Float> bias = new HashMap<>();
        if (logitBias == null || logitBias.isNull()) {
            return bias;
        }
        if (!logitBias.isObject() || logitBias.size() > MAX_BIASED_TOKENS) {
            throw invalid("logit_bias", "must be an object of at most " + MAX_BIASED_TOKENS + " token ids, each to a number "
                    + "from -100 to 100");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = logitBias.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            int id;
            try {
                id = Integer.parseInt(entry.getKey());
            } catch (NumberFormatException e) {
                id = -1;
            }
            double value = entry.getValue().asDouble(Double.NaN);
            if (id < 0 || !entry.getValue().isNumber() || value < -100 || value > 100) {
                throw invalid("logit_bias", "'" + entry.getKey() + "': keys are token ids, values numbers from -100 to 100");
            }
            bias.put(id, (float) value);
        }
        return bias;
    }

    private List<String> stops() {
        List<String> stops = new ArrayList<>();
        if (stop == null || stop.isNull()) {
            return stops;
        }
        if (stop.isTextual()) {
            stops.add(stop.asText());
        } else if (stop.isArray()) {
            stop.forEach(s -> stops.add(s.asText()));
        } else {
            throw invalid("stop", "must be a string or an array of strings");
        }
        if (stops.size() > MAX_STOP_SEQUENCES || stops.stream().anyMatch(String::isEmpty)) {
            throw invalid("stop", "at most " + MAX_STOP_SEQUENCES + " non-empty sequences");
        }
        return stops;
    }

    public static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(field + ": " + message,
                List.of(new InvalidRequestException.FieldError(field, message)));
    }
}
