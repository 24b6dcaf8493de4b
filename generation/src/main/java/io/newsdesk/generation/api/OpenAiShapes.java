package io.newsdesk.generation.api;

import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.generation.llm.CompletionService;
import io.newsdesk.generation.llm.TokenLogprob;
import io.newsdesk.generation.llm.ToolUse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OpenAI's response objects, built as maps so that field names and nulls come out exactly as OpenAI writes them. */
final class OpenAiShapes {

    private OpenAiShapes() {
    }

    static String finishReason(TextGenerator.FinishReason reason) {
        return reason == TextGenerator.FinishReason.LENGTH ? "length" : "stop";
    }

    static Map<String, Object> usage(CompletionService.Completion c) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("prompt_tokens", c.promptTokens());
        usage.put("completion_tokens", c.completionTokens());
        usage.put("total_tokens", c.promptTokens() + c.completionTokens());
        usage.put("prompt_tokens_details", Map.of("cached_tokens", c.cachedTokens()));
        usage.put("completion_tokens_details", Map.of("accepted_prediction_tokens", c.acceptedPredictionTokens(),
                "rejected_prediction_tokens", c.rejectedPredictionTokens()));
        return usage;
    }

    static Map<String, Object> envelope(String id, String object, long created, String model, List<Map<String, Object>> choices) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("object", object);
        body.put("created", created);
        body.put("model", model);
        body.put("choices", choices);
        return body;
    }

    static Map<String, Object> choice(int index, Object... keyValues) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", index);
        for (int i = 0; i < keyValues.length; i += 2) {
            choice.put((String) keyValues[i], keyValues[i + 1]);
        }
        return choice;
    }

    /** A chat choice's {@code logprobs}: each token with its log-probability, bytes and the most likely tokens. */
    static Map<String, Object> chatLogprobs(List<TokenLogprob> tokens) {
        List<Map<String, Object>> content = new ArrayList<>();
        for (TokenLogprob t : tokens) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("token", t.token());
            entry.put("logprob", t.logprob());
            entry.put("bytes", t.bytes());
            List<Map<String, Object>> top = new ArrayList<>();
            for (TokenLogprob.Alternative a : t.top()) {
                Map<String, Object> alternative = new LinkedHashMap<>();
                alternative.put("token", a.token());
                alternative.put("logprob", a.logprob());
                alternative.put("bytes", a.bytes());
                top.add(alternative);
            }
            entry.put("top_logprobs", top);
            content.add(entry);
        }
        Map<String, Object> logprobs = new LinkedHashMap<>();
        logprobs.put("content", content);
        logprobs.put("refusal", null);
        return logprobs;
    }

    /** A text completion choice's {@code logprobs}, the legacy shape: parallel lists, offsets into the answer's text. */
    static Map<String, Object> completionLogprobs(List<TokenLogprob> tokens, int textOffset) {
        List<String> texts = new ArrayList<>();
        List<Double> logprobs = new ArrayList<>();
        List<Map<String, Double>> top = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int offset = textOffset;
        for (TokenLogprob t : tokens) {
            texts.add(t.token());
            logprobs.add(t.scored() ? t.logprob() : null);
            Map<String, Double> alternatives = new LinkedHashMap<>();
            t.top().forEach(a -> alternatives.putIfAbsent(a.token(), a.logprob()));
            top.add(t.scored() ? alternatives : null);
            offsets.add(offset);
            offset += t.token().length();
        }
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("tokens", texts);
        shape.put("token_logprobs", logprobs);
        shape.put("top_logprobs", top);
        shape.put("text_offset", offsets);
        return shape;
    }

    /** The error event that ends a stream the request timeout cut short, in OpenAI's error shape. */
    static Map<String, Object> timeoutError(CompletionService.Completion c) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "the generation ran past the request timeout after " + c.completionTokens() + " tokens");
        error.put("type", "server_error");
        error.put("param", null);
        error.put("code", "timeout");
        return Map.of("error", error);
    }

    /** The chunk that ends a stream whose request asked for {@code stream_options.include_usage}. */
    static Map<String, Object> usageChunk(String id, String object, long created, String model, CompletionService.Completion c) {
        return withUsage(envelope(id, object, created, model, List.of()), c);
    }

    static Map<String, Object> withUsage(Map<String, Object> body, CompletionService.Completion c) {
        body.put("usage", usage(c));
        return body;
    }

    /** The calls as OpenAI writes them; a stream's deltas number them. */
    static List<Map<String, Object>> toolCalls(List<ToolUse.Call> calls, boolean indexed) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            Map<String, Object> call = new LinkedHashMap<>();
            if (indexed) {
                call.put("index", i);
            }
            call.put("id", calls.get(i).id());
            call.put("type", "function");
            Map<String, Object> function = new LinkedHashMap<>();
            function.put("name", calls.get(i).name());
            function.put("arguments", calls.get(i).arguments());
            call.put("function", function);
            list.add(call);
        }
        return list;
    }
}
