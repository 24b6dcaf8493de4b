package io.newsdesk.core.ml.llm;

import java.util.Arrays;

/**
 * Where an answer stands in its predicted output, and the predicted tokens that would come next. While the answer
 * takes the guesses, it stands right after them; once it leaves the prediction (a word changed, a sentence dropped)
 * its last tokens (three, or two) are looked up in the prediction, after where it left, so that the guesses pick it
 * up again where the two meet.
 */
final class PredictedDraft {

    /** Answer tokens looked up at most, and at least once the answer has that many: one token matches too easily. */
    static final int MOST_MATCHED = 3;
    static final int LEAST_MATCHED = 2;

    private final int[] prediction;
    /** Where the last guess began in the prediction; past it, once the answer took the whole guess. */
    private int cursor;
    /** The prediction's token the answer did not take, last time a guess failed; guesses begin after it. */
    private int missedAt = -1;

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

    /**
     * The answer did not take the last guess's token {@code taken} (the guessed tokens before it, it did): the
     * prediction is wrong there, so no guess begins at or before it again, however well the answer's last tokens
     * match (a run of one repeated token would otherwise send every guess back to the same place).
     */
    void missed(int taken) {
        missedAt = cursor + taken;
    }

    /** The answer took every token of the last guess: it stands right after them in the prediction. */
    void tookAll(int guessed) {
        cursor += guessed;
    }

    private int position(int[] context, int answerStart, int length) {
        int answered = length - answerStart;
        if (answered == 0) {
            return missedAt < 0 ? 0 : -1;
        }
        int earliest = missedAt + 1;
        for (int m = Math.min(MOST_MATCHED, answered); m >= Math.min(LEAST_MATCHED, answered); m--) {
            // where the answer went on as predicted (it took the whole guess, then one token), it stands one past the
            // cursor; else at the nearest match after that, else at any
            int next = cursor + 1;
            int found = next >= Math.max(m, earliest) && matchesAt(context, length - m, m, next) ? next
                    : find(context, length - m, m, Math.max(Math.max(m, earliest), next));
            if (found < 0) {
                found = find(context, length - m, m, Math.max(m, earliest));
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
            if (matchesAt(context, start, m, end)) {
                return end;
            }
        }
        return -1;
    }

    private boolean matchesAt(int[] context, int start, int m, int end) {
        return end <= prediction.length && Arrays.equals(prediction, end - m, end, context, start, start + m);
    }
}
