package io.newsdesk.core.ml.llm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Turns one step's logits into the next token under {@link GenerationOptions}, applying the processors in
 * transformers' order: repetition penalty, temperature, top-k, top-p.
 *
 * <p>A vocabulary runs to 150,000 tokens, so nothing here sorts all of it: top-k keeps a heap of k, top-p takes the
 * best tokens by a heap growing until they hold its share (sorting the tokens whose probability is not negligible
 * only for a nucleus of thousands), and plain sampling draws in vocabulary order without sorting.
 */
public final class TokenSampler {

    /**
     * Before top-p sorts, tokens whose tempered logit lies this far below the best are left out: each has under
     * e^-25 (1.4e-11) of the best one's probability, so a million of them hold under 1.4e-5 of the mass, and the
     * nucleus of any top_p up to 0.99998 is the one a full sort would find.
     */
    static final double NEGLIGIBLE = 25;

    /** The tokens that may come next and their unnormalised probabilities; most likely first unless unordered. */
    record Candidates(int[] ids, double[] weights, int size) {

        double total() {
            double total = 0;
            for (int i = 0; i < size; i++) {
                total += weights[i];
            }
            return total;
        }
    }

    private final GenerationOptions options;
    private final Random random;
    private final int promptLength;

    /** A sampler for which every token of the context counts as generated (for the frequency and presence penalties). */
    public TokenSampler(GenerationOptions options) {
        this(options, 0);
    }

    /** A sampler whose contexts begin with a prompt of {@code promptLength} tokens, which the OpenAI penalties ignore. */
    public TokenSampler(GenerationOptions options, int promptLength) {
        this.options = options;
        this.random = new Random(options.seed());
        this.promptLength = promptLength;
    }

    /**
     * @param logits  this step's logits; modified in place by the repetition penalty
     * @param context every token of the sequence so far
     */
    public int next(float[] logits, int[] context, int contextLength) {
        options.logitBias().forEach((id, bias) -> {
            if (id < logits.length) {
                logits[id] += bias;
            }
        });
        penaliseRepetitions(logits, context, contextLength);
        penaliseWhatWasGenerated(logits, context, contextLength);
        if (options.temperature() == 0) {
            return GreedyDecoder.argmax(logits);
        }
        Candidates candidates = candidates(logits);
        double pick = random.nextDouble() * candidates.total();
        for (int i = 0; i < candidates.size(); i++) {
            pick -= candidates.weights()[i];
            if (pick <= 0) {
                return candidates.ids()[i];
            }
        }
        return candidates.ids()[candidates.size() - 1];
    }

    private void penaliseRepetitions(float[] logits, int[] context, int contextLength) {
        if (options.repetitionPenalty() == 1) {
            return;
        }
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

    /** OpenAI's frequency and presence penalties, over the tokens generated so far (not the prompt). */
    private void penaliseWhatWasGenerated(float[] logits, int[] context, int contextLength) {
        if (options.frequencyPenalty() == 0 && options.presencePenalty() == 0) {
            return;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = promptLength; i < contextLength; i++) {
            counts.merge(context[i], 1, Integer::sum);
        }
        counts.forEach((id, count) -> logits[id] -= (float) (count * options.frequencyPenalty() + options.presencePenalty()));
    }

    /** After temperature, top-k and top-p: what {@link #next} draws from (temperature above 0). */
    Candidates candidates(float[] logits) {
        double temperature = options.temperature();
        float max = logits[GreedyDecoder.argmax(logits)];
        int[] ids;
        boolean ordered = true;
        double vocabularyWeight = Double.NaN; // what top-p takes its share of when no top-k came first
        if (options.topK() > 0 && options.topK() < logits.length) {
            ids = Logits.mostLikely(logits, options.topK());
        } else if (options.topP() < 1) {
            vocabularyWeight = weightOfAll(logits, max, temperature);
            ids = enoughForTopP(logits, max, temperature, options.topP() * vocabularyWeight);
        } else {
            ids = null;
            ordered = false;
        }
        int size = ids == null ? logits.length : ids.length;
        double[] weights = new double[size];
        double total = 0;
        for (int i = 0; i < size; i++) {
            weights[i] = Math.exp((logits[ids == null ? i : ids[i]] - max) / temperature);
            total += weights[i];
        }
        if (ids == null) {
            ids = new int[size];
            Arrays.setAll(ids, i -> i);
        }
        if (ordered && options.topP() < 1) {
            double share = Double.isNaN(vocabularyWeight) ? total : vocabularyWeight;
            double cumulative = 0;
            for (int i = 0; i < size; i++) {
                cumulative += weights[i] / share;
                if (cumulative >= options.topP()) {
                    size = i + 1;
                    break;
                }
            }
        }
        return new Candidates(ids, weights, size);
    }

    /** The summed weight of every token not negligible, the best one weighing 1. */
    private static double weightOfAll(float[] logits, float max, double temperature) {
        double total = 0;
        for (float logit : logits) {
            double scaled = (logit - max) / temperature;
            if (scaled >= -NEGLIGIBLE) {
                total += Math.exp(scaled);
            }
        }
        return total;
    }

    /**
     * The most likely tokens, most likely first, at least as many as hold {@code needed} of the weight. A nucleus is
     * mostly a few dozen tokens, so the best 64 are taken by a heap, then 256, 1024..., before sorting every token
     * that is not negligible (the margin keeps the cut, summed in another order, within the tokens taken).
     */
    private static int[] enoughForTopP(float[] logits, float max, double temperature, double needed) {
        for (int k = 64; k < logits.length / 8; k *= 4) {
            int[] best = Logits.mostLikely(logits, k);
            double held = 0;
            for (int id : best) {
                held += Math.exp((logits[id] - max) / temperature);
            }
            if (held > needed * (1 + 1e-9)) {
                return best;
            }
        }
        return notNegligibleInOrder(logits, max, temperature);
    }

    /** The tokens within {@link #NEGLIGIBLE} of the best after temperature, most likely first. */
    private static int[] notNegligibleInOrder(float[] logits, float max, double temperature) {
        long[] keys = new long[logits.length];
        int n = 0;
        for (int id = 0; id < logits.length; id++) {
            if ((max - logits[id]) / temperature <= NEGLIGIBLE) {
                // the logit's bits made order-preserving as an int, inverted so that a plain sort puts the largest first
                int bits = Float.floatToIntBits(logits[id]);
                bits ^= (bits >> 31) & 0x7fffffff;
                keys[n++] = ((long) ~bits << 32) | id;
            }
        }
        Arrays.sort(keys, 0, n);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = (int) keys[i];
        }
        return ids;
    }
}
