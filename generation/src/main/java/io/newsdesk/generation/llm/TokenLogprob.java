package io.newsdesk.generation.llm;

import io.newsdesk.core.ml.llm.LmTokenizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

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
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double logNormaliser = max + Math.log(sum);
        List<Alternative> alternatives = new ArrayList<>();
        for (int candidate : mostLikely(logits, Math.min(top, MAX_TOP))) {
            alternatives.add(new Alternative(text(candidate, tokenizer), logits[candidate] - logNormaliser));
        }
        return new TokenLogprob(text(id, tokenizer), logits[id] - logNormaliser, alternatives);
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

    /** The ids of the {@code k} largest logits, largest first. */
    private static int[] mostLikely(float[] logits, int k) {
        if (k <= 0) {
            return new int[0];
        }
        PriorityQueue<Integer> smallestFirst = new PriorityQueue<>(k, (a, b) -> Float.compare(logits[a], logits[b]));
        for (int id = 0; id < logits.length; id++) {
            if (smallestFirst.size() < k) {
                smallestFirst.add(id);
            } else if (logits[id] > logits[smallestFirst.peek()]) {
                smallestFirst.poll();
                smallestFirst.add(id);
            }
        }
        int[] ids = new int[smallestFirst.size()];
        for (int i = ids.length - 1; i >= 0; i--) {
            ids[i] = smallestFirst.poll();
        }
        return ids;
    }
}
