package io.newsdesk.core.ml.llm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/** Turns one step's logits into the next token under {@link GenerationOptions}. */
final class TokenSampler {

    private final GenerationOptions options;
    private final Random random;

    TokenSampler(GenerationOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    /**
     * @param logits  this step's logits; modified in place by the repetition penalty
     * @param context every token of the sequence so far
     */
    int next(float[] logits, int[] context, int contextLength) {
        if (options.repetitionPenalty() != 1) {
            boolean[] done = new boolean[logits.length];
            for (int i = 0; i < contextLength; i++) {
                int id = context[i];
                if (!done[id]) {
                    done[id] = true;
                    logits[id] = logits[id] > 0 ? (float) (logits[id] / options.repetitionPenalty())
                            : (float) (logits[id] * options.repetitionPenalty());
                }
            }
        }
        if (options.temperature() == 0) {
            return GreedyDecoder.argmax(logits);
        }
        Integer[] order = IntStream.range(0, logits.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> -logits[i]));
        int keep = options.topK() > 0 ? Math.min(options.topK(), order.length) : order.length;
        double max = logits[order[0]];
        double[] weights = new double[keep];
        double total = 0;
        for (int i = 0; i < keep; i++) {
            weights[i] = Math.exp((logits[order[i]] - max) / options.temperature());
            total += weights[i];
        }
        if (options.topP() < 1) {
            double cumulative = 0;
            int cut = keep;
            for (int i = 0; i < keep; i++) {
                cumulative += weights[i] / total;
                if (cumulative >= options.topP()) {
                    cut = i + 1;
                    break;
                }
            }
            keep = cut;
            total = 0;
            for (int i = 0; i < keep; i++) {
                total += weights[i];
            }
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < keep; i++) {
            pick -= weights[i];
            if (pick <= 0) {
                return order[i];
            }
        }
        return order[keep - 1];
    }
}
