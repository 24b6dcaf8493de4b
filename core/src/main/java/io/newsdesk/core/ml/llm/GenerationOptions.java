package io.newsdesk.core.ml.llm;

import java.util.List;
import java.util.Map;

/**
 * How to pick each next token.
 *
 * @param maxNewTokens      most tokens to generate (0: none, the prompt is only run through the model)
 * @param temperature       0 picks the most likely token (greedy); higher flattens the distribution
 * @param topK              keep only the k most likely tokens (0 keeps all)
 * @param topP              keep the smallest set of most likely tokens whose probability reaches p (1 keeps all)
 * @param repetitionPenalty divide positive logits (multiply negative ones) of tokens already in the sequence by this;
 *                          1 turns it off (the CTRL paper's penalty, as transformers applies it)
 * @param seed              seed of the sampling, so a request can be replayed
 * @param stopTokenIds      tokens that end the generation (e.g. the EOS); not part of the text
 * @param stopSequences     texts that end the generation; the text is cut before them
 * @param frequencyPenalty  OpenAI's: subtracted from a token's logit once for every time it was generated so far
 * @param presencePenalty   OpenAI's: subtracted from the logit of every token generated at least once so far
 * @param json              null for free text; else the shape of the one JSON object the text must be (the
 *                          generation ends when it closes): {@link JsonShape#ANY_OBJECT} for JSON mode
 * @param logitBias         OpenAI's: added to the logits of these token ids before anything else (-100 bans a token)
 * @param jsonAfter         null, or the text after which, each time it is written, a JSON object of {@code json}'s
 *                          shape must follow; the text around such objects is free (a tool call's tag, for one).
 *                          The empty text: an answer that opens with an object is that object, of the shape, and
 *                          ends when it closes (a tool call written bare, as Llama 3 writes them); one that opens
 *                          otherwise is free
 * @param prediction        null, or the tokens the answer is expected to be much like (OpenAI's predicted output):
 *                          where the answer follows them, several are run through the model in one pass, which
 *                          changes how fast the answer comes, never what it is
 */
public record GenerationOptions(int maxNewTokens, double temperature, int topK, double topP, double repetitionPenalty,
        long seed, List<Integer> stopTokenIds, List<String> stopSequences, double frequencyPenalty, double presencePenalty,
        JsonShape json, Map<Integer, Float> logitBias, String jsonAfter, int[] prediction) {

    /** Free text. */
    public GenerationOptions(int maxNewTokens, double temperature, int topK, double topP, double repetitionPenalty,
            long seed, List<Integer> stopTokenIds, List<String> stopSequences, double frequencyPenalty, double presencePenalty) {
        this(maxNewTokens, temperature, topK, topP, repetitionPenalty, seed, stopTokenIds, stopSequences, frequencyPenalty,
                presencePenalty, null, Map.of(), null, null);
    }

    public GenerationOptions {
        if (maxNewTokens < 0 || temperature < 0 || topK < 0 || topP <= 0 || topP > 1 || repetitionPenalty <= 0) {
            throw new IllegalArgumentException("max new tokens >= 0, temperature >= 0, top-k >= 0, 0 < top-p <= 1 and "
                    + "repetition penalty > 0 are required");
        }
        stopTokenIds = List.copyOf(stopTokenIds);
        logitBias = Map.copyOf(logitBias);
        if (json != null && !json.containerOnly()) {
            throw new IllegalArgumentException("a JSON answer must be an object or an array");
        }
        if (jsonAfter != null && json == null) {
            throw new IllegalArgumentException("JSON after a text needs the JSON's shape");
        }
        stopSequences = List.copyOf(stopSequences);
        prediction = prediction == null ? null : prediction.clone();
    }

    /** Without OpenAI's frequency and presence penalties. */
    public GenerationOptions(int maxNewTokens, double temperature, int topK, double topP, double repetitionPenalty,
            long seed, List<Integer> stopTokenIds, List<String> stopSequences) {
        this(maxNewTokens, temperature, topK, topP, repetitionPenalty, seed, stopTokenIds, stopSequences, 0, 0);
    }

    /** The same options with another seed: each of several answers to one request samples on its own. */
    public GenerationOptions withSeed(long newSeed) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, repetitionPenalty, newSeed, stopTokenIds,
                stopSequences, frequencyPenalty, presencePenalty, json, logitBias, jsonAfter, prediction);
    }

    /** The same options with the text kept to one JSON object of {@code shape} (null: free text). */
    public GenerationOptions withJson(JsonShape shape) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, repetitionPenalty, seed, stopTokenIds,
                stopSequences, frequencyPenalty, presencePenalty, shape, logitBias, null, prediction);
    }

    /** The same options with free text in which, each time {@code trigger} is written, an object of {@code shape} follows. */
    public GenerationOptions withJsonAfter(String trigger, JsonShape shape) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, repetitionPenalty, seed, stopTokenIds,
                stopSequences, frequencyPenalty, presencePenalty, shape, logitBias, trigger, prediction);
    }

    /** The same options with OpenAI's {@code logit_bias}: token id to the amount added to its logit. */
    public GenerationOptions withLogitBias(Map<Integer, Float> bias) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, repetitionPenalty, seed, stopTokenIds,
                stopSequences, frequencyPenalty, presencePenalty, json, bias, jsonAfter, prediction);
    }

    /** The same options with the answer expected to be much like {@code tokens} (null: no prediction). */
    public GenerationOptions withPrediction(int[] tokens) {
        return new GenerationOptions(maxNewTokens, temperature, topK, topP, repetitionPenalty, seed, stopTokenIds,
                stopSequences, frequencyPenalty, presencePenalty, json, logitBias, jsonAfter, tokens);
    }

    public static GenerationOptions greedy(int maxNewTokens) {
        return new GenerationOptions(maxNewTokens, 0, 0, 1, 1, 0, List.of(), List.of());
    }
}
