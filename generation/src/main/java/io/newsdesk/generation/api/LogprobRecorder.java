package io.newsdesk.generation.api;

import io.newsdesk.core.ml.llm.LmTokenizer;
import io.newsdesk.generation.llm.CompletionService;
import io.newsdesk.generation.llm.TokenLogprob;
import java.util.ArrayList;
import java.util.List;

/**
 * The log-probabilities a request asked for, per answer: all of them for a plain response, and for a stream the
 * tokens not yet sent (a token's text can be held back while it might start a stop sequence, so its log-probability
 * goes out with the next piece of text that is sent, or with the answer's last chunk).
 */
final class LogprobRecorder {

    /** Tokens to send, and where the first one's text begins in the answer. */
    record Batch(List<TokenLogprob> tokens, int textOffset) {
    }

    private final int top;
    private final LmTokenizer tokenizer;
    private final List<List<TokenLogprob>> answers = new ArrayList<>();
    private final int[] sent;

    LogprobRecorder(int top, LmTokenizer tokenizer, int answers) {
        this.top = top;
        this.tokenizer = tokenizer;
        this.sent = new int[answers];
        for (int i = 0; i < answers; i++) {
            this.answers.add(new ArrayList<>());
        }
    }

    CompletionService.AnswerTokens listener() {
        return (id, logits, choice) -> answers.get(choice).add(TokenLogprob.of(id, logits, top, tokenizer));
    }

    List<TokenLogprob> all(int choice) {
        return answers.get(choice);
    }

    Batch unsent(int choice) {
        List<TokenLogprob> tokens = answers.get(choice);
        int offset = 0;
        for (int i = 0; i < sent[choice]; i++) {
            offset += tokens.get(i).token().length();
        }
        Batch batch = new Batch(List.copyOf(tokens.subList(sent[choice], tokens.size())), offset);
        sent[choice] = tokens.size();
        return batch;
    }
}
