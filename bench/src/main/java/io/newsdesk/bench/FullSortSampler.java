package io.newsdesk.bench;

import io.newsdesk.core.ml.llm.GenerationOptions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The reference for the sampler bench: the plain way to apply temperature, top-k and top-p, sorting the whole
 * vocabulary for every token (how {@code TokenSampler} worked before it learned not to).
 */
final class FullSortSampler {

    private final GenerationOptions options;
    private final Random random;

    FullSortSampler(GenerationOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    int next(float[] logits) {
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
            for (int i = 0; i < keep; i++) {
                cumulative += weights[i] / total;
                if (cumulative >= options.topP()) {
                    keep = i + 1;
                    break;
                }
            }
            total = Arrays.stream(weights, 0, keep).sum();
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
