package io.newsdesk.core.ml.llm;

import java.util.PriorityQueue;

/** Questions asked of one step's logits over a vocabulary of up to 150,000 tokens, none of which sorts them all. */
public final class Logits {

    private Logits() {
    }

    /** The ids of the {@code k} largest logits, largest first: a heap of k, O(vocabulary log k). */
    public static int[] mostLikely(float[] logits, int k) {
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

    /** log(sum(exp(logits))): a token's log-probability is its logit minus this. */
    public static double logNormaliser(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return max + Math.log(sum);
    }
}
