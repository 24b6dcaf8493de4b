package io.newsdesk.core.ml.llm;

import java.util.Arrays;

/**
 * The text of an answer as its tokens come, decoding only those since the text last settled rather than the whole
 * answer each time (which grew with the answer's square). The tokens of the previous settled stretch are decoded
 * again in front of the new ones, since a decoder may write a token differently at the start of a text (SentencePiece
 * drops the leading space); the stretch settles once its text is longer than that context's and ends in a whole
 * character, not the U+FFFD of a character whose last bytes have not come. Where a decoder rewrites text across
 * tokens, so that the context's text is not the start of the window's, the whole answer is decoded instead.
 */
final class AnswerText {

    private final LmTokenizer tokenizer;
    private int[] ids;
    private int count;
    /** The text of the tokens before {@link #settledAt}, final. */
    private final StringBuilder settled = new StringBuilder();
    /** Where the tokens decoded again for context begin, and where the unsettled ones begin. */
    private int contextAt;
    private int settledAt;
    private String text = "";

    AnswerText(LmTokenizer tokenizer, int expectedTokens) {
        this.tokenizer = tokenizer;
        this.ids = new int[Math.max(16, expectedTokens)];
    }

    /** Adds a token and gives the answer's text so far (the last characters may still be U+FFFD). */
    String append(int id) {
        if (count == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        ids[count++] = id;
        String context = tokenizer.decode(Arrays.copyOfRange(ids, contextAt, settledAt));
        String window = tokenizer.decode(Arrays.copyOfRange(ids, contextAt, count));
        if (!window.startsWith(context)) {
            text = tokenizer.decode(Arrays.copyOf(ids, count));
            return text;
        }
        String added = window.substring(context.length());
        if (!added.isEmpty() && !added.endsWith("\uFFFD")) {
            settled.append(added);
            contextAt = settledAt;
            settledAt = count;
            text = settled.toString();
        } else {
            text = settled + added;
        }
        return text;
    }

    String text() {
        return text;
    }
}
