package io.newsdesk.generation.llm;

import io.newsdesk.core.ml.llm.LmTokenizer;
import io.newsdesk.core.ml.llm.Logits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One generated token's log-probability under the model (its raw distribution, before temperature, top-k, top-p or
 * the repetition penalty) and the most likely tokens at that step, as OpenAI's {@code logprobs} report them. A
 * token's text is its own decoding; a token that is part of a multi-byte character decodes to U+FFFD.
 */
public record TokenLogprob(String token, double logprob, List<Alternative> top) {

    public static final int MAX_TOP = 20;

    /** A token the model could have chosen at that step. */
    public record Alternative(String token, double logprob) {

        public List<Integer> bytes() {
            return TokenLogprob.bytes(token);
        }
    }

    public List<Integer> bytes() {
        return bytes(token);
    }

    /** The entry for token {@code id} given the step's logits, with the {@code top} most likely tokens. */
    public static TokenLogprob of(int id, float[] logits, int top, LmTokenizer tokenizer) {
        double logNormaliser = Logits.logNormaliser(logits);
        List<Alternative> alternatives = new ArrayList<>();
        for (int candidate : Logits.mostLikely(logits, Math.min(top, MAX_TOP))) {
            alternatives.add(new Alternative(text(candidate, tokenizer), logits[candidate] - logNormaliser));
        }
        return new TokenLogprob(text(id, tokenizer), logits[id] - logNormaliser, alternatives);
    }

    /**
     * A prompt's first token, echoed: nothing before it predicts it, so it has no log-probability (NaN here, null
     * in OpenAI's shape) and no alternatives.
     */
    public static TokenLogprob unscored(int id, LmTokenizer tokenizer) {
        return new TokenLogprob(text(id, tokenizer), Double.NaN, List.of());
    }

    public boolean scored() {
        return !Double.isNaN(logprob);
    }

    private static String text(int id, LmTokenizer tokenizer) {
        return tokenizer.decode(new int[] {id});
    }

    private static List<Integer> bytes(String token) {
        List<Integer> bytes = new ArrayList<>();
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        return bytes;
    }
}
