package io.newsdesk.core.ml.llm;

import java.util.Arrays;
import java.util.List;

/**
 * Reads bytes one at a time and says whether they can still begin a JSON value (RFC 8259) of a {@link JsonShape}
 * (an object, or an array): the grammar that JSON mode, structured outputs and tool calls keep a model's output to.
 * Free strings take any byte but control characters, so UTF-8 passes through; a key of an object whose properties
 * are listed, and a string with an enum, must spell one of the allowed strings as JSON encodes it; strings with
 * lengths or a pattern, and numbers with bounds, are followed character by character. One reading of the text: where
 * a union has several branches a value may take, it takes the one it is told to ({@link #takeBranch}), and
 * {@link JsonReadings} follows the others. Nesting is capped at {@value #MAX_DEPTH}
 * levels, and whitespace between tokens at {@value #MAX_WHITESPACE} byte: compact JSON, as a program reads it. With
 * room for layout a model drifts into it (on the fixtures, 5 of 8 answers to a two-property schema spent their 60
 * tokens on spaces and line breaks; none does with one byte).
 */
final class JsonPrefix {

    static final int MAX_DEPTH = 32;
    static final int MAX_WHITESPACE = 1;

    // what the next byte may be; the states up to ARRAY_NEXT lie between tokens (see betweenTokens)
    private static final int START = 0;
    private static final int VALUE = 1;
    private static final int OBJECT_FIRST = 2;
    private static final int OBJECT_KEY = 3;
    private static final int COLON = 4;
    private static final int OBJECT_NEXT = 5;
    private static final int ARRAY_FIRST = 6;
    private static final int ARRAY_NEXT = 7;
    private static final int STRING = 8;
    private static final int ESCAPE = 9;
    private static final int UNICODE = 10;
    private static final int MINUS = 11;
    private static final int ZERO = 12;
    private static final int INTEGER = 13;
    private static final int POINT = 14;
    private static final int FRACTION = 15;
    private static final int EXPONENT = 16;
    private static final int EXPONENT_SIGN = 17;
    private static final int EXPONENT_DIGITS = 18;
    private static final int LITERAL = 19;
    private static final int DONE = 20;
    /** Inside a string that must be one of {@link #words}: a listed key, or a string with an enum. */
    private static final int WORD = 21;

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final byte[] open = new byte[MAX_DEPTH];
    /**
     * The shape of each open object or array; for an object the listed properties already given (a bit each), for
     * an array its items so far.
     */
    private final JsonShape[] shapes = new JsonShape[MAX_DEPTH];
    private final long[] seen = new long[MAX_DEPTH];
    /** For each open object: the index of its property being read, and of the value its chooser took (-1: none). */
    private final int[] property = new int[MAX_DEPTH];
    private final int[] choice = new int[MAX_DEPTH];
    private int depth;
    private int state = START;
    /** The shape of the value about to start. */
    private JsonShape expected;
    /** Which of the expected shape's branches of its kind the next value takes (see {@link #branchesAt}). */
    private int branch;
    private boolean inKey;
    private boolean integerOnly;
    private int hexLeft;
    /** The UTF-16 code unit a backslash-u escape spells, digit by digit. */
    private int codeUnit;
    /** After an escaped high surrogate: the escaped low surrogate that completes the character must come next. */
    private boolean lowSurrogateNext;
    /** Continuation bytes the UTF-8 character being read still needs, and the range the next one must lie in. */
    private int continuations;
    private int continuationLow;
    private int continuationHigh;
    /** The shape of the string being read when it has lengths or a pattern to keep to; otherwise null. */
    private JsonShape ruled;
    /** Characters (code points) of the ruled string so far. */
    private int chars;
    /** Where the ruled string's pattern automaton stands. */
    private int patternState;
    /** The shape of the number being written when it has bounds; otherwise null. */
    private JsonShape bounded;
    private final byte[] numberText = new byte[NumberBounds.MAX_NUMBER_BYTES];
    private int numberLength;
    private byte[] literal;
    private int literalAt;
    private int whitespace;
    private List<byte[]> words;
    private byte[] word = new byte[16];
    private int wordLength;

    /** Any JSON object. */
    JsonPrefix() {
        this(JsonShape.ANY_OBJECT);
    }

    /** An object of {@code root}'s shape. */
    JsonPrefix(JsonShape root) {
        this.expected = root;
    }

    /** True when the object has closed: nothing may follow. */
    boolean complete() {
        return state == DONE;
    }

    /**
     * True inside a string with nothing to keep to but JSON, past any escape and between characters: where every
     * string-safe token (whole UTF-8 characters) fits.
     */
    boolean inString() {
        return state == STRING && ruled == null && continuations == 0 && !lowSurrogateNext;
    }

    /** True inside a string with lengths or a pattern to keep to, past any escape and between characters. */
    boolean inRuledString() {
        return state == STRING && ruled != null && continuations == 0;
    }

    /**
     * Inside a ruled string, whether string-safe bytes (no quote, backslash or control character) keep to its
     * lengths and pattern; the state is left as it was.
     */
    boolean ruledStringTakes(byte[] plain) {
        int counted = chars;
        int at = patternState;
        for (byte x : plain) {
            int b = x & 0xff;
            if ((b & 0xc0) != 0x80 && counted++ == ruled.maxLength()) {
                return false;
            }
            if (ruled.pattern() != null && (at = ruled.pattern().step(at, b)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True between values, keys and punctuation: where whitespace may come and leaves the state as it was. */
    boolean betweenTokens() {
        return state <= ARRAY_NEXT;
    }

    /**
     * How many shapes the value that byte {@code b} would begin may take: more than one where a union has several
     * branches of its kind (two objects, say), which the byte cannot choose between; otherwise one (or none).
     */
    int branchesAt(int b) {
        boolean valueNext = state == START || state == VALUE || state == ARRAY_FIRST && shapes[depth - 1].roomForItem(0);
        return valueNext ? expected.branches(kindStartingWith(b)).size() : 1;
    }

    /** Makes the next value begun take the expected shape's branch {@code index} of its kind, not the first. */
    void takeBranch(int index) {
        branch = index;
    }

    /**
     * Whether the two read on alike from here: the same open values of the same shapes, and the same state within the
     * value being read. Two readings of a union's branches that both took the same value meet again once it closes.
     */
    boolean sameAs(JsonPrefix other) {
        if (state != other.state || depth != other.depth || whitespace != other.whitespace
                || !Arrays.equals(open, 0, depth, other.open, 0, depth)
                || !Arrays.equals(seen, 0, depth, other.seen, 0, depth)
                || !Arrays.equals(property, 0, depth, other.property, 0, depth)
                || !Arrays.equals(choice, 0, depth, other.choice, 0, depth)) {
            return false;
        }
        for (int i = 0; i < depth; i++) {
            if (shapes[i] != other.shapes[i]) {
                return false;
            }
        }
        return switch (state) {
            case START, VALUE, COLON, ARRAY_FIRST, ARRAY_NEXT -> expected == other.expected;
            case STRING, ESCAPE, UNICODE -> inKey == other.inKey && ruled == other.ruled && chars == other.chars
                    && patternState == other.patternState && continuations == other.continuations
                    && continuationLow == other.continuationLow && continuationHigh == other.continuationHigh
                    && hexLeft == other.hexLeft && codeUnit == other.codeUnit && lowSurrogateNext == other.lowSurrogateNext;
            case WORD -> inKey == other.inKey && words == other.words
                    && Arrays.equals(word, 0, wordLength, other.word, 0, other.wordLength);
            case LITERAL -> literal == other.literal && literalAt == other.literalAt;
            case DONE, OBJECT_FIRST, OBJECT_KEY, OBJECT_NEXT -> true;
            default -> integerOnly == other.integerOnly && bounded == other.bounded
                    && (bounded == null || Arrays.equals(numberText, 0, numberLength, other.numberText, 0, other.numberLength));
        };
    }

    void copyFrom(JsonPrefix other) {
        System.arraycopy(other.open, 0, open, 0, other.depth);
        System.arraycopy(other.shapes, 0, shapes, 0, other.depth);
        System.arraycopy(other.seen, 0, seen, 0, other.depth);
        System.arraycopy(other.property, 0, property, 0, other.depth);
        System.arraycopy(other.choice, 0, choice, 0, other.depth);
        depth = other.depth;
        state = other.state;
        expected = other.expected;
        branch = other.branch;
        inKey = other.inKey;
        integerOnly = other.integerOnly;
        words = other.words;
        if (other.state == WORD) {
            if (word.length < other.wordLength) {
                word = new byte[other.word.length];
            }
            System.arraycopy(other.word, 0, word, 0, other.wordLength);
        }
        wordLength = other.wordLength;
        hexLeft = other.hexLeft;
        codeUnit = other.codeUnit;
        lowSurrogateNext = other.lowSurrogateNext;
        continuations = other.continuations;
        continuationLow = other.continuationLow;
        continuationHigh = other.continuationHigh;
        ruled = other.ruled;
        chars = other.chars;
        patternState = other.patternState;
        bounded = other.bounded;
        if (other.bounded != null) {
            System.arraycopy(other.numberText, 0, numberText, 0, other.numberLength);
        }
        numberLength = other.numberLength;
        literal = other.literal;
        literalAt = other.literalAt;
        whitespace = other.whitespace;
    }

    /** Takes the byte if the text so far plus it can still begin a JSON object; otherwise false, and the state is spoilt. */
    boolean accept(int b) {
        if (betweenTokens()) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                return ++whitespace <= MAX_WHITESPACE;
            }
            whitespace = 0;
            return structural(b);
        }
        switch (state) {
            case STRING -> {
                if (continuations > 0) {
                    return continuation(b) && (ruled == null || ruledByte(b));
                }
                if (lowSurrogateNext) {
                    state = ESCAPE;
                    return b == '\\';
                }
                if (b == '"') {
                    if (inKey) {
                        expected = JsonShape.ANY; // a key of an object whose properties are not listed
                        state = COLON;
                    } else if (ruled != null && !ruledStringMayEnd()) {
                        return false;
                    } else {
                        afterValue();
                    }
                    return true;
                }
                if (b == '\\') {
                    state = ESCAPE;
                    return ruled == null || chars < ruled.maxLength() && someEscapeFits();
                }
                return b >= 0x20 && utf8Lead(b) && (ruled == null || ruledByte(b));
            }
            case ESCAPE -> {
                if (b == 'u' && ruled == null) {
                    hexLeft = 4;
                    codeUnit = 0;
                    state = UNICODE;
                    return true;
                }
                if (lowSurrogateNext) {
                    return false;
                }
                state = STRING;
                int escaped = escaped(b);
                return escaped >= 0 && (ruled == null || ruledCharacter(escaped));
            }
            case UNICODE -> {
                return hexDigit(b);
            }
            case MINUS, ZERO, INTEGER, POINT, FRACTION, EXPONENT, EXPONENT_SIGN, EXPONENT_DIGITS -> {
                return bounded == null ? numberByte(b) : boundedNumberByte(b);
            }
            case WORD -> {
                return wordByte(b);
            }
            case LITERAL -> {
                if (b != literal[literalAt]) {
                    return false;
                }
                if (++literalAt == literal.length) {
                    afterValue();
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A digit of a backslash-u escape. Escapes spell UTF-16 code units, so a character past U+FFFF takes two, a high
     * surrogate then a low one; either alone spells no character (and no UTF-8), so a low one is refused unless a
     * high one came just before, and after a high one only the low one may come.
     */
    private boolean hexDigit(int b) {
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            return false;
        }
        codeUnit = codeUnit << 4 | digit;
        hexLeft--;
        if (hexLeft == 3 && lowSurrogateNext && digit != 0xd) {
            return false;
        }
        if (hexLeft == 2) { // the first two digits say whether it is a surrogate, and which
            boolean low = codeUnit >= 0xdc && codeUnit <= 0xdf;
            if (low != lowSurrogateNext) {
                return false;
            }
        }
        if (hexLeft == 0) {
            state = STRING;
            lowSurrogateNext = codeUnit >= 0xd800 && codeUnit <= 0xdbff;
        }
        return true;
    }

    private boolean numberByte(int b) {
        return switch (state) {
            case MINUS -> number(b == '0' ? ZERO : digit(b) ? INTEGER : -1);
            case ZERO -> fractionOrExponent(b);
            case INTEGER -> digit(b) || fractionOrExponent(b);
            case POINT -> number(digit(b) ? FRACTION : -1);
            case FRACTION -> digit(b) || (b == 'e' || b == 'E' ? number(EXPONENT) : endNumber(b));
            case EXPONENT -> number(b == '+' || b == '-' ? EXPONENT_SIGN : digit(b) ? EXPONENT_DIGITS : -1);
            case EXPONENT_SIGN -> number(digit(b) ? EXPONENT_DIGITS : -1);
            default -> digit(b) || endNumber(b);
        };
    }

    /**
     * A byte of a number with a minimum or maximum: written plainly (no exponent), each digit taken only while some
     * number it begins lies within the bounds, and a byte after it only when the whole number does.
     */
    private boolean boundedNumberByte(int b) {
        if (b == 'e' || b == 'E') {
            return false;
        }
        if (digit(b) || b == '.') {
            if (numberLength == NumberBounds.MAX_NUMBER_BYTES || !numberByte(b)) {
                return false;
            }
            numberText[numberLength++] = (byte) b;
            return bounded.bounds().mayReach(numberText, numberLength);
        }
        if (state == MINUS || state == POINT || !bounded.bounds().holds(numberText, numberLength)) {
            return false;
        }
        bounded = null;
        return numberByte(b);
    }

    private boolean structural(int b) {
        return switch (state) {
            case START, VALUE -> value(b);
            case OBJECT_FIRST -> b == '}' ? closeObject() : key(b);
            case OBJECT_KEY -> key(b);
            case COLON -> b == ':' && goTo(VALUE);
            case OBJECT_NEXT -> b == ',' ? anotherProperty() : b == '}' && closeObject();
            case ARRAY_FIRST -> b == ']' ? closeArray() : firstItem(b);
            case ARRAY_NEXT -> b == ',' ? anotherItem() : b == ']' && closeArray();
            default -> false;
        };
    }

    private boolean key(int b) {
        if (b != '"') {
            return false;
        }
        JsonShape object = shapes[depth - 1];
        if (object.closedObject()) {
            inKey = true;
            // an object with every listed property given, or none listed, takes no key: never begin one
            return object.roomFor(seen[depth - 1]) && startWord(object.propertyNames());
        }
        inKey = true;
        ruled = null;
        return goTo(STRING);
    }

    /**
     * Whether a byte may begin a character in a string: ASCII, or the lead byte of a well-formed UTF-8 sequence
     * (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF), whose continuations are then expected.
     */
    private boolean utf8Lead(int b) {
        if (b < 0x80) {
            return true;
        }
        continuationLow = 0x80;
        continuationHigh = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            continuations = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            continuations = 2;
            continuationLow = b == 0xe0 ? 0xa0 : 0x80;
            continuationHigh = b == 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
            continuations = 3;
            continuationLow = b == 0xf0 ? 0x90 : 0x80;
            continuationHigh = b == 0xf4 ? 0x8f : 0xbf;
        } else {
            return false;
        }
        return true;
    }

    private boolean continuation(int b) {
        if (b < continuationLow || b > continuationHigh) {
            return false;
        }
        continuations--;
        continuationLow = 0x80;
        continuationHigh = 0xbf;
        return true;
    }

    /** A raw byte of a ruled string: a UTF-8 lead byte begins a character, and every byte steps the pattern. */
    private boolean ruledByte(int b) {
        if ((b & 0xc0) != 0x80 && chars++ == ruled.maxLength()) {
            return false;
        }
        return ruled.pattern() == null || (patternState = ruled.pattern().step(patternState, b)) >= 0;
    }

    /** A character a one-letter escape spelled (ASCII): one more, through the pattern. */
    private boolean ruledCharacter(int ascii) {
        chars++; // room was checked at the backslash
        return ruled.pattern() == null || (patternState = ruled.pattern().step(patternState, ascii)) >= 0;
    }

    /** The character a one-letter escape stands for, or -1 when the byte makes none. */
    private static int escaped(int b) {
        return switch (b) {
            case '"', '\\', '/' -> b;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> -1;
        };
    }

    /**
     * Whether a backslash in a ruled string can go on: with a one-letter escape the pattern takes (a ruled string
     * takes no backslash-u escape, whose four digits could lead nowhere; raw UTF-8 spells the same characters).
     */
    private boolean someEscapeFits() {
        if (ruled.pattern() == null) {
            return true;
        }
        for (int b : new int[] {'"', '\\', '/', 'b', 'f', 'n', 'r', 't'}) {
            if (ruled.pattern().step(patternState, escaped(b)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private boolean ruledStringMayEnd() {
        return chars >= ruled.minLength() && (ruled.pattern() == null || ruled.pattern().isAccept(patternState));
    }

    /** An array's first item; {@link #seen} counts an array's items, begun ones included. */
    private boolean firstItem(int b) {
        if (!shapes[depth - 1].roomForItem(0)) {
            return false;
        }
        seen[depth - 1] = 1;
        return value(b);
    }

    private boolean closeArray() {
        return shapes[depth - 1].enoughItems(seen[depth - 1]) && close();
    }

    private boolean anotherItem() {
        if (!shapes[depth - 1].roomForItem(seen[depth - 1])) {
            return false;
        }
        seen[depth - 1]++;
        return goTo(VALUE);
    }

    private boolean anotherProperty() {
        JsonShape object = shapes[depth - 1];
        return (!object.closedObject() || object.roomFor(seen[depth - 1])) && goTo(OBJECT_KEY);
    }

    private boolean closeObject() {
        JsonShape object = shapes[depth - 1];
        return (!object.closedObject() || (seen[depth - 1] & object.required()) == object.required()) && close();
    }

    private boolean value(int b) {
        List<JsonShape> candidates = expected.branches(kindStartingWith(b));
        int taken = branch;
        branch = 0;
        if (taken >= candidates.size()) {
            return false;
        }
        JsonShape shape = candidates.get(taken);
        switch (b) {
            case '{', '[' -> {
                return push(b, shape);
            }
            case '"' -> {
                inKey = false;
                if (shape.strings() != null) {
                    return startWord(shape.strings());
                }
                ruled = shape.stringRuled() ? shape : null;
                chars = 0;
                patternState = 0;
                return goTo(STRING);
            }
            case 't', 'f' -> {
                return literal(b == 't' ? TRUE : FALSE);
            }
            case 'n' -> {
                return literal(NULL);
            }
            default -> {
                integerOnly = shape.integerOnly();
                bounded = shape.bounds() == null ? null : shape;
                numberText[0] = (byte) b;
                numberLength = 1;
                return goTo(b == '-' ? MINUS : b == '0' ? ZERO : INTEGER)
                        && (bounded == null || bounded.bounds().mayReach(numberText, numberLength));
            }
        }
    }

    /** The kind of value a byte begins (NUMBER for integers too), or null when it begins none. */
    private static JsonShape.Kind kindStartingWith(int b) {
        return switch (b) {
            case '{' -> JsonShape.Kind.OBJECT;
            case '[' -> JsonShape.Kind.ARRAY;
            case '"' -> JsonShape.Kind.STRING;
            case 't', 'f' -> JsonShape.Kind.BOOLEAN;
            case 'n' -> JsonShape.Kind.NULL;
            default -> b == '-' || digit(b) ? JsonShape.Kind.NUMBER : null;
        };
    }

    private boolean literal(byte[] word) {
        literal = word;
        literalAt = 1;
        return goTo(LITERAL);
    }

    private boolean fractionOrExponent(int b) {
        if (b == '.' || b == 'e' || b == 'E') {
            return !integerOnly && number(b == '.' ? POINT : EXPONENT);
        }
        return endNumber(b);
    }

    private boolean startWord(List<byte[]> allowed) {
        words = allowed;
        wordLength = 0;
        return goTo(WORD);
    }

    /**
     * A byte of a string that must be one of {@link #words} (JSON-encoded); a quote closes it when it spells one
     * whole (no encoded word ends in the lone backslash that would make that quote part of it instead).
     */
    private boolean wordByte(int b) {
        long taken = inKey ? shapes[depth - 1].keysTaken(seen[depth - 1]) : 0;
        if (b == '"') {
            for (int i = 0; i < words.size(); i++) {
                if ((taken & 1L << i) == 0 && Arrays.equals(words.get(i), 0, words.get(i).length, word, 0, wordLength)) {
                    if (inKey) {
                        seen[depth - 1] |= 1L << i;
                        property[depth - 1] = i;
                        expected = shapes[depth - 1].property(i, choice[depth - 1]);
                        state = COLON;
                    } else {
                        if (depth > 0 && open[depth - 1] == '{' && shapes[depth - 1].choosesBy(property[depth - 1])) {
                            choice[depth - 1] = i;
                        }
                        afterValue();
                    }
                    return true;
                }
            }
            // not the closing quote, then: an escaped one (\") inside a word, tried below
        }
        for (int i = 0; i < words.size(); i++) {
            byte[] allowed = words.get(i);
            if ((taken & 1L << i) == 0 && allowed.length > wordLength && (allowed[wordLength] & 0xff) == b
                    && Arrays.equals(allowed, 0, wordLength, word, 0, wordLength)) {
                if (wordLength == word.length) {
                    word = Arrays.copyOf(word, word.length * 2);
                }
                word[wordLength++] = (byte) b;
                return true;
            }
        }
        return false;
    }

    private boolean push(int b, JsonShape shape) {
        if (depth == MAX_DEPTH) {
            return false;
        }
        open[depth] = (byte) b;
        shapes[depth] = shape;
        seen[depth] = 0;
        property[depth] = -1;
        choice[depth] = -1;
        depth++;
        if (b == '[') {
            expected = shape.items();
        }
        return goTo(b == '{' ? OBJECT_FIRST : ARRAY_FIRST);
    }

    private boolean close() {
        depth--;
        afterValue();
        return true;
    }

    private void afterValue() {
        state = depth == 0 ? DONE : open[depth - 1] == '{' ? OBJECT_NEXT : ARRAY_NEXT;
        if (state == ARRAY_NEXT) {
            expected = shapes[depth - 1].items();
        }
    }

    private boolean number(int next) {
        return next >= 0 && goTo(next);
    }

    /** A byte that cannot continue the number ends it, and is then read as what follows the value. */
    private boolean endNumber(int b) {
        afterValue();
        return accept(b);
    }

    private boolean goTo(int next) {
        state = next;
        return true;
    }

    private static boolean digit(int b) {
        return b >= '0' && b <= '9';
    }
}
