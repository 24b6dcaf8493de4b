package io.newsdesk.generation.llm;

import io.newsdesk.core.ml.llm.ChatTemplate;
import jakarta.enterprise.context.ApplicationScoped;
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
    /** Tokens can merge differently where the article joins the instructions: a little room to spare. */
    static final int MARGIN_TOKENS = 16;
    private static final Pattern LIST_MARK = Pattern.compile("^\\s*(?:[-*\u2022]|\\d+[.):])\\s*");

    /** What the model wrote and what it cost. */
    public record Written(String engine, String text, int promptTokens, int completionTokens) {
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
        return write(model, "Summarise this news article in " + length + ".", article, maxTokens);
    }

    /** Up to {@code count} headlines, one per line of the model's answer, list marks and quotes removed. */
    public List<String> headlineLines(Written written, int count) {
        List<String> headlines = new ArrayList<>();
        for (String line : written.text().split("\\R")) {
            String headline = LIST_MARK.matcher(line).replaceFirst("").strip().replaceAll("^[\"'\u201c\u2018]+|[\"'\u201d\u2019]+$", "").strip();
            if (!headline.isEmpty() && headlines.size() < count && !headlines.contains(headline)) {
                headlines.add(headline);
            }
        }
        return headlines;
    }

    public Written headlines(String model, String article, int count) {
        return write(model, "Write " + count + " different headlines for this news article, one per line, each at most 90 "
                + "characters, without numbers or quotation marks.", article, count * TOKENS_PER_HEADLINE);
    }

    private Written write(String model, String instruction, String article, int maxTokens) {
        List<ChatTemplate.Message> empty = messages(instruction, "");
        CompletionService.Budget budget = completions.budget(model, empty);
        int room = budget.contextTokens() - budget.promptTokens() - maxTokens - MARGIN_TOKENS;
        if (room <= 0) {
            throw SamplingParameters.invalid("model", "the model '" + model + "' has a context of " + budget.contextTokens()
                    + " tokens: too small for this tool's instructions and answer");
        }
        List<ChatTemplate.Message> messages = messages(instruction, completions.clip(model, article, room));
        SamplingParameters greedy = new SamplingParameters(maxTokens, 0.0, null, null, null, 0L, null, null);
        var c = CompletionService.finished(completions.run(completions.prepareChat(model, messages, greedy), (piece, choice) -> { }, () -> false));
        return new Written(engine(model), c.first().text().strip(), c.promptTokens(), c.completionTokens());
    }

    private static List<ChatTemplate.Message> messages(String instruction, String article) {
        return List.of(new ChatTemplate.Message("system", SYSTEM),
                new ChatTemplate.Message("user", instruction + "\n\nArticle:\n" + article));
    }
}
