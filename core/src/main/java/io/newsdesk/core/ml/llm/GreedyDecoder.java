package io.newsdesk.core.ml.llm;

import java.util.Arrays;

/** Greedy decoding: the most likely next token, again and again, with the KV cache so each step runs one token. */
public final class GreedyDecoder {

    private final CausalLm model;

    public GreedyDecoder(CausalLm model) {
        this.model = model;
    }

    /**
     * @param stopAt a token id that ends the generation (included in the result), or -1 to run to {@code maxNewTokens}
     * @return the new token ids
     */
    public int[] generate(int[] prompt, int maxNewTokens, int stopAt) {
        int[] generated = new int[maxNewTokens];
        int n = 0;
        try (KvCache cache = model.newCache()) {
            float[][] logits = model.forward(prompt, cache);
            float[] last = logits[logits.length - 1];
            while (n < maxNewTokens) {
                int next = argmax(last);
                generated[n++] = next;
                if (next == stopAt || n == maxNewTokens) {
                    break;
                }
                last = model.forward(new int[] {next}, cache)[0];
            }
        }
        return Arrays.copyOf(generated, n);
    }

    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
