package io.newsdesk.generation.api;

import io.newsdesk.core.ml.llm.LmTokenizer;
import io.newsdesk.generation.llm.CompletionService;
import io.newsdesk.generation.llm.TokenLogprob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The log-probabilities a request asked for, per answer: all of them for a plain response, and for a stream the
 * tokens not yet sent (a token's text can be held back while it might start a stop sequence, so its log-probability
 * goes out with the next piece of text that is sent, or with the answer's last chunk). With {@code echo}, each
 * answer's tokens begin with its prompt's, as the prompt's text begins the answer's.
 */
final class LogprobRecorder {

    /** Tokens to send, and where the first one's text begins in the answer. */
    record Batch(List<TokenLogprob> tokens, int textOffset) {
    }

    private final int top;
    private final LmTokenizer tokenizer;
    private final int answersPerPrompt;
    private final List<List<TokenLogprob>> answers = new ArrayList<>();
    private final Map<Integer, List<TokenLogprob>> prompts = new HashMap<>();
    private final int[] sent;

    LogprobRecorder(int top, LmTokenizer tokenizer, int answers) {
        this(top, tokenizer, answers, answers);
    }

    /** @param answersPerPrompt how many answers go on from each prompt (answer i from prompt i / answersPerPrompt) */
    LogprobRecorder(int top, LmTokenizer tokenizer, int answers, int answersPerPrompt) {
        this.top = top;
        this.tokenizer = tokenizer;
        this.answersPerPrompt = answersPerPrompt;
        this.sent = new int[answers];
        for (int i = 0; i < answers; i++) {
            this.answers.add(new ArrayList<>());
        }
    }

    CompletionService.AnswerTokens listener() {
        return (id, logits, choice) -> answers.get(choice).add(TokenLogprob.of(id, logits, top, tokenizer));
    }

    /** Records the prompts' tokens, which {@link #all} and {@link #unsent} then put before each answer's. */
    CompletionService.PromptTokens promptListener() {
        return (position, id, logits, prompt) -> prompts.computeIfAbsent(prompt, p -> new ArrayList<>())
                .add(logits == null ? TokenLogprob.unscored(id, tokenizer) : TokenLogprob.of(id, logits, top, tokenizer));
    }

    /** The answer's own tokens. */
    List<TokenLogprob> generated(int choice) {
        return answers.get(choice);
    }

    /** The prompt's tokens, if recorded, then the answer's. */
    List<TokenLogprob> all(int choice) {
        List<TokenLogprob> prompt = prompts.get(choice / answersPerPrompt);
        if (prompt == null) {
            return answers.get(choice);
        }
        List<TokenLogprob> all = new ArrayList<>(prompt);
        all.addAll(answers.get(choice));
        return all;
    }

    Batch unsent(int choice) {
        List<TokenLogprob> tokens = all(choice);
        int offset = 0;
        for (int i = 0; i < sent[choice]; i++) {
            offset += tokens.get(i).token().length();
        }
        Batch batch = new Batch(List.copyOf(tokens.subList(sent[choice], tokens.size())), offset);
        sent[choice] = tokens.size();
        return batch;
    }
}
