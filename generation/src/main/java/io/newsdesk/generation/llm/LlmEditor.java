package io.newsdesk.generation.llm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.ml.llm.JsonShape;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The editor tools' abstractive variants on a registered chat model: a summary and headline candidates, decoded
 * greedily so the same text gets the same answer. An article longer than the model's context is cut to fit.
 */
@ApplicationScoped
public class LlmEditor {

    static final String SYSTEM = "You are a careful news editor. Use only facts from the article. Write plain text.";
    static final int MAX_SUMMARY_TOKENS = 400;
    static final int TOKENS_PER_HEADLINE = 32;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The braces, key and brackets of a JSON answer. */
    static final int JSON_MARGIN_TOKENS = 16;
    /** Tokens can merge differently where the article joins the instructions: a little room to spare. */
    static final int MARGIN_TOKENS = 16;
    private static final Pattern LIST_MARK = Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.):])\\s*");

    /** What the model wrote and what it cost; {@code json} when it was kept to a JSON object. */
    public record Written(String engine, String text, int promptTokens, int completionTokens, boolean json) {
    }

    /** Headlines as a model is asked to give them when it can be kept to JSON: no preamble to mistake for one. */
    static JsonShape headlinesShape(int count) {
        return JsonShape.of(json("{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"headlines\"], "
                + "\"properties\": {\"headlines\": {\"type\": \"array\", \"minItems\": 1, \"maxItems\": " + count
                + ", \"items\": {\"type\": \"string\"}}}}"));
    }

    private final CompletionService completions;

    public LlmEditor(CompletionService completions) {
        this.completions = completions;
    }

    public static String engine(String model) {
        return "llm:" + model;
    }

    public Written summary(String model, String article, int sentences, int words) {
        String length = words > 0 ? "at most " + sentences + " sentences and " + words + " words" : "at most " + sentences + " sentences";
        int maxTokens = Math.min(MAX_SUMMARY_TOKENS, words > 0 ? words * 2 + 16 : sentences * 60);
        return write(model, "Summarise this news article in " + length + ".", article, maxTokens, null);
    }

    /**
     * Up to {@code count} headlines: the strings of the answer's {@code headlines} array when the model was kept to
     * JSON (those complete before the tokens ran out), else one per line, list marks and quotes removed.
     */
    public List<String> headlineLines(Written written, int count) {
        List<String> headlines = new ArrayList<>();
        List<String> candidates = written.json() ? jsonHeadlines(written.text()) : List.of(written.text().split("\\R"));
        for (String line : candidates) {
            String headline = LIST_MARK.matcher(line).replaceFirst("").strip().replaceAll("^[\"'\u201c\u2018]+|[\"'\u201d\u2019]+$", "").strip();
            if (!headline.isEmpty() && headlines.size() < count && !headlines.contains(headline)) {
                headlines.add(headline);
            }
        }
        return headlines;
    }

    /** The complete strings of the {@code headlines} array of a JSON answer, which may stop short (max tokens). */
    static List<String> jsonHeadlines(String answer) {
        List<String> strings = new ArrayList<>();
        try (JsonParser parser = new JsonFactory().createParser(answer)) {
            boolean inHeadlines = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    inHeadlines = parser.getParsingContext().getParent().inObject()
                            && "headlines".equals(parser.getParsingContext().getParent().getCurrentName());
                } else if (token == JsonToken.END_ARRAY) {
                    inHeadlines = false;
                } else if (inHeadlines && token == JsonToken.VALUE_STRING) {
                    strings.add(parser.getText());
                }
            }
        } catch (IOException cutShort) {
            // the answer ran out of tokens mid-way: the strings read before stand
        }
        return strings;
    }

    public Written headlines(String model, String article, int count) {
        String ask = "Write " + count + " different headlines for this news article, each at most 90 characters, without "
                + "numbers or quotation marks";
        if (completions.canKeepToJson(model)) {
            return write(model, ask + ", as a JSON object: {\"headlines\": [\"...\"]}.", article,
                    count * TOKENS_PER_HEADLINE + JSON_MARGIN_TOKENS, headlinesShape(count));
        }
        return write(model, ask + ", one per line.", article, count * TOKENS_PER_HEADLINE, null);
    }

    /** @param shape the JSON object to keep the answer to; null for plain text */
    private Written write(String model, String instruction, String article, int maxTokens, JsonShape shape) {
        List<ChatTemplate.Message> empty = messages(instruction, "");
        CompletionService.Budget budget = completions.budget(model, empty);
        int room = budget.contextTokens() - budget.promptTokens() - maxTokens - MARGIN_TOKENS;
        if (room <= 0) {
            throw SamplingParameters.invalid("model", "the model '" + model + "' has a context of " + budget.contextTokens()
                    + " tokens: too small for this tool's instructions and answer");
        }
        List<ChatTemplate.Message> messages = messages(instruction, completions.clip(model, article, room));
        SamplingParameters greedy = new SamplingParameters(maxTokens, 0.0, null, null, null, 0L, null, null);
        CompletionService.Prepared request = completions.prepareChat(model, messages, greedy);
        var c = CompletionService.finished(completions.run(shape != null ? request.asJson(shape) : request,
                (piece, choice) -> { }, () -> false));
        return new Written(engine(model), c.first().text().strip(), c.promptTokens(), c.completionTokens(), shape != null);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<ChatTemplate.Message> messages(String instruction, String article) {
        return List.of(new ChatTemplate.Message("system", SYSTEM),
                new ChatTemplate.Message("user", instruction + "\n\nArticle:\n" + article));
    }
}
