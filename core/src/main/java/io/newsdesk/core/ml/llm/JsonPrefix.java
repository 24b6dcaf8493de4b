package io.newsdesk.core.ml.llm;

/**
 * Reads bytes one at a time and says whether they can still begin a JSON object (RFC 8259): the grammar that JSON
 * mode keeps a model's output to. Strings take any byte but control characters, so UTF-8 passes through; nesting
 * is capped at {@value #MAX_DEPTH} and a run of whitespace at {@value #MAX_WHITESPACE} bytes, so that a model cannot
 * spend its tokens on layout.
 */
final class JsonPrefix {

    static final int MAX_DEPTH = 32;
    static final int MAX_WHITESPACE = 24;

    // what the next byte may be
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

    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final byte[] open = new byte[MAX_DEPTH];
    private int depth;
    private int state = START;
    private boolean inKey;
    private int hexLeft;
    private byte[] literal;
    private int literalAt;
    private int whitespace;

    /** True when the object has closed: nothing may follow. */
    boolean complete() {
        return state == DONE;
    }

    /** True inside a string, past any escape: where every string-safe byte fits. */
    boolean inString() {
        return state == STRING;
    }

    /** True between values, keys and punctuation: where whitespace may come and leaves the state as it was. */
    boolean betweenTokens() {
        return state <= ARRAY_NEXT;
    }

    void copyFrom(JsonPrefix other) {
        System.arraycopy(other.open, 0, open, 0, other.depth);
        depth = other.depth;
        state = other.state;
        inKey = other.inKey;
        hexLeft = other.hexLeft;
        literal = other.literal;
        literalAt = other.literalAt;
        whitespace = other.whitespace;
    }

    /** Takes the byte if the text so far plus it can still begin a JSON object; otherwise false, and the state is spoilt. */
    boolean accept(int b) {
        switch (state) {
            case START, VALUE, OBJECT_FIRST, OBJECT_KEY, COLON, OBJECT_NEXT, ARRAY_FIRST, ARRAY_NEXT -> {
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    return ++whitespace <= MAX_WHITESPACE;
                }
                whitespace = 0;
                return structural(b);
            }
            case STRING -> {
                if (b == '"') {
                    if (inKey) {
                        state = COLON;
                    } else {
                        afterValue();
                    }
                    return true;
                }
                if (b == '\\') {
                    state = ESCAPE;
                }
                return b >= 0x20;
            }
            case ESCAPE -> {
                if (b == 'u') {
                    hexLeft = 4;
                    state = UNICODE;
                    return true;
                }
                state = STRING;
                return b == '"' || b == '\\' || b == '/' || b == 'b' || b == 'f' || b == 'n' || b == 'r' || b == 't';
            }
            case UNICODE -> {
                if (--hexLeft == 0) {
                    state = STRING;
                }
                return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            }
            case MINUS -> {
                return number(b == '0' ? ZERO : digit(b) ? INTEGER : -1);
            }
            case ZERO -> {
                return b == '.' ? number(POINT) : b == 'e' || b == 'E' ? number(EXPONENT) : endNumber(b);
            }
            case INTEGER -> {
                return digit(b) || (b == '.' ? number(POINT) : b == 'e' || b == 'E' ? number(EXPONENT) : endNumber(b));
            }
            case POINT -> {
                return number(digit(b) ? FRACTION : -1);
            }
            case FRACTION -> {
                return digit(b) || (b == 'e' || b == 'E' ? number(EXPONENT) : endNumber(b));
            }
            case EXPONENT -> {
                return number(b == '+' || b == '-' ? EXPONENT_SIGN : digit(b) ? EXPONENT_DIGITS : -1);
            }
            case EXPONENT_SIGN -> {
                return number(digit(b) ? EXPONENT_DIGITS : -1);
            }
            case EXPONENT_DIGITS -> {
                return digit(b) || endNumber(b);
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

    private boolean structural(int b) {
        return switch (state) {
            case START -> b == '{' && push(b);
            case VALUE -> value(b);
            case OBJECT_FIRST -> b == '}' ? close() : key(b);
            case OBJECT_KEY -> key(b);
            case COLON -> b == ':' && goTo(VALUE);
            case OBJECT_NEXT -> b == ',' ? goTo(OBJECT_KEY) : b == '}' && close();
            case ARRAY_FIRST -> b == ']' ? close() : value(b);
            case ARRAY_NEXT -> b == ',' ? goTo(VALUE) : b == ']' && close();
            default -> false;
        };
    }

    private boolean key(int b) {
        if (b != '"') {
            return false;
        }
        inKey = true;
        return goTo(STRING);
    }

    private boolean value(int b) {
        switch (b) {
            case '{', '[' -> {
                return push(b);
            }
            case '"' -> {
                inKey = false;
                return goTo(STRING);
            }
            case '-' -> {
                return goTo(MINUS);
            }
            case '0' -> {
                return goTo(ZERO);
            }
            case 't', 'f', 'n' -> {
                literal = b == 't' ? TRUE : b == 'f' ? FALSE : NULL;
                literalAt = 1;
                return goTo(LITERAL);
            }
            default -> {
                return digit(b) && goTo(INTEGER);
            }
        }
    }

    private boolean push(int b) {
        if (depth == MAX_DEPTH) {
            return false;
        }
        open[depth++] = (byte) b;
        return goTo(b == '{' ? OBJECT_FIRST : ARRAY_FIRST);
    }

    private boolean close() {
        depth--;
        afterValue();
        return true;
    }

    private void afterValue() {
        state = depth == 0 ? DONE : open[depth - 1] == '{' ? OBJECT_NEXT : ARRAY_NEXT;
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
