package io.newsdesk.core.ml.llm;

/**
 * Keeps one generation to a single JSON object (OpenAI's JSON mode), or to one of a {@link JsonShape} (structured
 * outputs): before each token is drawn, every token whose bytes cannot continue the object so far is masked (the
 * end-of-sequence token too, until the object is whole), and the object's closing brace ends the generation.
 */
public final class JsonConstraint {

    private final TokenBytes vocabulary;
    private final JsonReadings text;
    private final JsonReadings trial;
    private final boolean[] firstByteFits = new boolean[256];

    /** Any JSON object. */
    public JsonConstraint(TokenBytes vocabulary) {
        this(vocabulary, JsonShape.ANY_OBJECT);
    }

    public JsonConstraint(TokenBytes vocabulary, JsonShape shape) {
        this.vocabulary = vocabulary;
        this.text = new JsonReadings(shape);
        this.trial = new JsonReadings(shape);
    }

    /** Sets the logits of tokens that cannot come next to minus infinity; false when no token can. */
    public boolean mask(float[] logits) {
        // most tokens fail on their first byte: testing the 256 bytes once spares copying the state for them
        for (int b = 0; b < 256; b++) {
            trial.copyFrom(text);
            firstByteFits[b] = trial.accept(b);
        }
        // inside a string most tokens are plain text, which fits whatever it is (or, where the string has lengths or
        // a pattern, when they take it: stepped without copying the state); between tokens whitespace leaves the
        // state as it was, so a token's first byte after its leading spaces must fit where its first byte would
        boolean inStrings = text.inStrings();
        boolean inFreeString = inStrings && text.inFreeString();
        boolean between = text.betweenTokens();
        boolean any = false;
        for (int id = 0; id < logits.length; id++) {
            int first = vocabulary.firstByte(id);
            int afterSpace = between ? vocabulary.firstAfterSpace(id) : -1;
            boolean fits = first >= 0 && firstByteFits[first]
                    && (afterSpace < 0 || firstByteFits[afterSpace])
                    && (inStrings && vocabulary.stringSafe(id)
                        ? inFreeString || text.ruledStringTakes(vocabulary.of(id))
                        : fitsWhole(vocabulary.of(id)));
            if (fits) {
                any = true;
            } else {
                logits[id] = Float.NEGATIVE_INFINITY;
            }
        }
        return any;
    }

    private boolean fitsWhole(byte[] token) {
        return token.length == 1 || follows(token); // a one-byte token was tried with the first bytes
    }

    /** Whether the token can come next. */
    public boolean allows(int id) {
        byte[] token = vocabulary.of(id);
        return token != null && token.length > 0 && follows(token);
    }

    /** Whether the text so far can go on with the token's bytes. */
    private boolean follows(byte[] token) {
        trial.copyFrom(text);
        for (byte b : token) {
            if (!trial.accept(b & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** Takes a token that {@link #allows} allowed. */
    public void accept(int id) {
        for (byte b : vocabulary.of(id)) {
            text.accept(b & 0xff);
        }
    }

    /** Takes text already written (its UTF-8 bytes); false, and the state spoilt, when it cannot begin the object. */
    public boolean acceptText(String written) {
        for (byte b : written.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (!text.accept(b & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** True once the object has closed. */
    public boolean complete() {
        return text.complete();
    }
}
