package io.newsdesk.generation.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code prompt} of OpenAI's completions request in its four shapes: a string, an array of strings, an array of
 * token ids, or an array of such arrays. Token ids are the model's own, as its tokenizer numbers them.
 */
public record Prompts(List<String> texts, List<int[]> tokenIds) {

    public static final int MAX_PROMPTS = 8;
    public static final int MAX_CHARS = 200_000;

    public Prompts {
        texts = texts == null ? null : List.copyOf(texts);
        tokenIds = tokenIds == null ? null : List.copyOf(tokenIds);
    }

    public int size() {
        return texts != null ? texts.size() : tokenIds.size();
    }

    /** Reads and checks the request's {@code prompt}; a 400 problem names what is wrong with it. */
    public static Prompts of(JsonNode prompt) {
        if (prompt == null || prompt.isNull()) {
            throw invalid("is required: a string, an array of strings, or token ids");
        }
        if (prompt.isTextual()) {
            return new Prompts(List.of(text(prompt)), null);
        }
        if (!prompt.isArray() || prompt.isEmpty()) {
            throw invalid("must be a string, a non-empty array of strings, or token ids");
        }
        if (prompt.get(0).isIntegralNumber()) {
            return new Prompts(null, List.of(ids(prompt)));
        }
        if (prompt.size() > MAX_PROMPTS) {
            throw invalid("at most " + MAX_PROMPTS + " prompts in one request");
        }
        if (prompt.get(0).isTextual()) {
            List<String> texts = new ArrayList<>();
            prompt.forEach(p -> texts.add(text(p)));
            return new Prompts(texts, null);
        }
        List<int[]> ids = new ArrayList<>();
        prompt.forEach(p -> ids.add(ids(p)));
        return new Prompts(null, ids);
    }

    private static String text(JsonNode node) {
        if (!node.isTextual()) {
            throw invalid("an array of prompts holds strings only, or token-id arrays only");
        }
        if (node.asText().length() > MAX_CHARS) {
            throw invalid("at most " + MAX_CHARS + " characters per prompt");
        }
        return node.asText();
    }

    private static int[] ids(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw invalid("token ids come as a non-empty array of integers");
        }
        int[] ids = new int[node.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode id = node.get(i);
            if (!id.canConvertToInt() || !id.isIntegralNumber() || id.asInt() < 0) {
                throw invalid("token ids are integers of 0 or more");
            }
            ids[i] = id.asInt();
        }
        return ids;
    }

    private static io.newsdesk.core.problem.InvalidRequestException invalid(String message) {
        return SamplingParameters.invalid("prompt", message);
    }
}
