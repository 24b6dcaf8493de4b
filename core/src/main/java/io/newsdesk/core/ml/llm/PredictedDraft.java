package io.newsdesk.core.ml.llm;

import java.util.Arrays;

/**
 * Where an answer stands in its predicted output, and the predicted tokens that would come next. The answer's last
 * tokens (three, or two) are looked up in the prediction, near where they were found last first, so that after the
 * answer leaves the prediction (a word changed, a sentence dropped) the guesses pick it up again where the two meet.
 */
final class PredictedDraft {

    /** Answer tokens looked up at most, and at least once the answer has that many: one token matches too easily. */
    static final int MOST_MATCHED = 3;
    static final int LEAST_MATCHED = 2;

    private final int[] prediction;
    /** The end of the prediction's run that matched the answer last. */
    private int cursor;

    PredictedDraft(int[] prediction) {
        this.prediction = prediction.clone();
    }

    /**
     * Up to {@code most} predicted tokens to follow the answer, {@code context[answerStart, length)}; none when the
     * answer's end is not found in the prediction.
     */
    int[] next(int[] context, int answerStart, int length, int most) {
        int at = position(context, answerStart, length);
        if (at < 0 || most <= 0) {
            return new int[0];
        }
        cursor = at;
        return Arrays.copyOfRange(prediction, at, Math.min(prediction.length, at + most));
    }

    private int position(int[] context, int answerStart, int length) {
        int answered = length - answerStart;
        if (answered == 0) {
            return 0;
        }
        for (int m = Math.min(MOST_MATCHED, answered); m >= Math.min(LEAST_MATCHED, answered); m--) {
            int found = find(context, length - m, m, Math.max(m, cursor - m));
            if (found < 0) {
                found = find(context, length - m, m, m);
            }
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    /** The end of the first run of the prediction ending at or after {@code from} that equals {@code context[start, start + m)}. */
    private int find(int[] context, int start, int m, int from) {
        for (int end = from; end <= prediction.length; end++) {
            if (Arrays.equals(prediction, end - m, end, context, start, start + m)) {
                return end;
            }
        }
        return -1;
    }
}
