package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The strings a schema's {@code pattern} and {@code format} allow, as one deterministic automaton over code points
 * (Lucene's): what lets generation refuse, byte by byte, a string that could no longer match. JSON Schema patterns
 * are ECMA-262 regular expressions searched anywhere in the string; they are rewritten into Lucene's syntax, and
 * what is not regular (look-around, back-references, word boundaries) is refused.
 */
final class StringPatterns {

    /** Longest pattern read. */
    static final int MAX_PATTERN = 1_000;
    /** Lengths up to this join a pattern's automaton (each allowed length is a state); beyond, they are refused there. */
    static final int MAX_LENGTH_WITH_PATTERN = 256;
    private static final int DETERMINIZE_LIMIT = 20_000;
    /** Most states a pattern may spell out before it is made deterministic: a{1000}{1000} would be a million. */
    private static final long MAX_SPELLED_STATES = 50_000;

    private static final String DATE = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
    private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?"
            + "([Zz]|[\\+\\-]([01][0-9]|2[0-3]):[0-5][0-9])";
    private static final String DURATION_TIME = "T([0-9]+H([0-9]+M)?([0-9]+S)?|[0-9]+M([0-9]+S)?|[0-9]+S)";
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?";

    /** The formats OpenAI's structured outputs name, each as a whole-string Lucene expression. */
    static final Map<String, String> FORMATS = Map.of(
            "date", DATE,
            "time", TIME,
            "date-time", DATE + "[Tt]" + TIME,
            "duration", "P([0-9]+W|([0-9]+Y([0-9]+M)?([0-9]+D)?|[0-9]+M([0-9]+D)?|[0-9]+D)(" + DURATION_TIME + ")?|"
                    + DURATION_TIME + ")",
            "email", "[A-Za-z0-9\\.\\_\\%\\+\\-]+\\@" + LABEL + "(\\." + LABEL + ")+",
            "hostname", LABEL + "(\\." + LABEL + ")*",
            "ipv4", "(" + OCTET + "\\.){3}" + OCTET,
            "ipv6", ipv6(),
            "uuid", "[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}");

    private StringPatterns() {
    }

    /**
     * The automaton of a string schema's pattern and format, with its lengths; null when it has neither pattern nor
     * format.
     *
     * @throws IllegalArgumentException naming what cannot be kept to
     */
    static Automaton of(JsonNode schema, String path, int minLength, int maxLength) {
        if (!schema.has("pattern") && !schema.has("format")) {
            return null;
        }
        Automaton strings = Automata.makeAnyString();
        if (schema.has("pattern")) {
            JsonNode pattern = schema.get("pattern");
            if (!pattern.isTextual() || pattern.asText().length() > MAX_PATTERN) {
                throw new IllegalArgumentException(path + ".pattern must be a regular expression of at most "
                        + MAX_PATTERN + " characters");
            }
            strings = regular(lucene(pattern.asText(), path + ".pattern"), path + ".pattern");
        }
        if (schema.has("format")) {
            String lucene = FORMATS.get(schema.get("format").asText());
            if (lucene == null) {
                throw new IllegalArgumentException(path + ".format '" + schema.get("format").asText()
                        + "' is not supported: generation keeps to " + String.join(", ", FORMATS.keySet().stream().sorted().toList()));
            }
            strings = Operations.intersection(strings, regular(lucene, path + ".format"));
        }
        if (minLength > 0 || maxLength < Integer.MAX_VALUE) {
            if (minLength > MAX_LENGTH_WITH_PATTERN || maxLength > MAX_LENGTH_WITH_PATTERN && maxLength < Integer.MAX_VALUE) {
                throw new IllegalArgumentException(path + ": beside a pattern or format, minLength and maxLength are kept "
                        + "to up to " + MAX_LENGTH_WITH_PATTERN);
            }
            Automaton anyChar = Automata.makeAnyChar();
            strings = Operations.intersection(strings, maxLength == Integer.MAX_VALUE ? Operations.repeat(anyChar, minLength)
                    : Operations.repeat(anyChar, minLength, maxLength));
        }
        try {
            strings = Operations.removeDeadStates(Operations.determinize(strings, DETERMINIZE_LIMIT));
        } catch (TooComplexToDeterminizeException e) {
            throw new IllegalArgumentException(path + ": the pattern is too complex to keep to");
        }
        if (Operations.isEmpty(strings)) {
            throw new IllegalArgumentException(path + ": no string matches the pattern, format and lengths together");
        }
        return strings;
    }

    private static Automaton regular(String lucene, String path) {
        RegExp expression;
        try {
            expression = new RegExp(lucene, RegExp.NONE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + " is not a regular expression generation can keep to: " + e.getMessage());
        }
        if (spelledStates(expression) > MAX_SPELLED_STATES) {
            throw new IllegalArgumentException(path + " repeats too much to keep to (at most about " + MAX_SPELLED_STATES
                    + " states before determinizing)");
        }
        try {
            return Operations.determinize(expression.toAutomaton(), DETERMINIZE_LIMIT);
        } catch (TooComplexToDeterminizeException e) {
            throw new IllegalArgumentException(path + " is too complex to keep to");
        }
    }

    /** About how many states the expression's automaton has before it is made deterministic (capped just past the most). */
    private static long spelledStates(RegExp e) {
        long inner = e.exp1 == null ? 0 : spelledStates(e.exp1);
        long states = switch (e.kind) {
            case REGEXP_UNION, REGEXP_CONCATENATION, REGEXP_INTERSECTION -> inner + spelledStates(e.exp2);
            case REGEXP_REPEAT_MIN -> inner * (e.min + 1L);
            case REGEXP_REPEAT_MINMAX -> inner * Math.max(1L, e.max);
            case REGEXP_STRING -> e.s.length();
            default -> inner + 1;
        };
        return Math.min(states, MAX_SPELLED_STATES + 1);
    }

    /**
     * An ECMA-262 pattern in Lucene's syntax: searched anywhere unless anchored by ^ and $, escapes of characters
     * spelled out, non-capturing groups plain and lazy quantifiers greedy (which match the same strings).
     */
    static String lucene(String ecma, String path) {
        boolean anchoredStart = ecma.startsWith("^");
        boolean anchoredEnd = ecma.endsWith("$") && !escapedAt(ecma, ecma.length() - 1);
        int end = anchoredEnd ? ecma.length() - 1 : ecma.length();
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        boolean topLevelChoice = false;
        int groups = 0;
        for (int i = anchoredStart ? 1 : 0; i < end; i++) {
            char c = ecma.charAt(i);
            if (c == '\\') {
                if (i + 1 >= end) {
                    throw new IllegalArgumentException(path + " ends in a lone backslash");
                }
                i = escape(ecma, i + 1, end, inClass, out, path);
            } else if (inClass) {
                inClass = c != ']';
                if (c == ']' || c == '-' || c == '^' && ecma.charAt(i - 1) == '[') {
                    out.append(c);
                } else {
                    literal(c, out);
                }
            } else {
                switch (c) {
                    case '[' -> {
                        inClass = true;
                        out.append(c);
                    }
                    case '(' -> {
                        if (ecma.startsWith("(?:", i)) {
                            i += 2;
                        } else if (ecma.startsWith("(?", i)) {
                            throw new IllegalArgumentException(path + ": look-around and named groups are not regular "
                                    + "and cannot be kept to");
                        }
                        groups++;
                        out.append('(');
                    }
                    case ')' -> {
                        groups--;
                        out.append(c);
                    }
                    case '|' -> {
                        topLevelChoice |= groups == 0;
                        out.append(c);
                    }
                    case '*', '+', '?', '}' -> {
                        out.append(c);
                        if (i + 1 < end && ecma.charAt(i + 1) == '?') {
                            i++; // lazy: the same strings match
                        }
                    }
                    case '{', ',' -> out.append(c);
                    case '.' -> out.append("[^\\\n\\\r\\\u2028\\\u2029]");
                    case '^', '$' -> throw new IllegalArgumentException(path + ": ^ and $ are kept to only at the "
                            + "pattern's start and end");
                    default -> literal(c, out);
                }
            }
        }
        if (topLevelChoice && (anchoredStart || anchoredEnd)) {
            throw new IllegalArgumentException(path + ": anchor the whole choice, as in ^(a|b)$");
        }
        return (anchoredStart ? "" : ".*") + "(" + out + ")" + (anchoredEnd ? "" : ".*");
    }

    /** Writes the escape at {@code at} (past its backslash) and returns the index of its last character. */
    private static int escape(String ecma, int at, int end, boolean inClass, StringBuilder out, String path) {
        char d = ecma.charAt(at);
        switch (d) {
            case 'd', 'D', 's', 'S', 'w', 'W' -> out.append('\\').append(d);
            case 'n' -> literal('\n', out);
            case 't' -> literal('\t', out);
            case 'r' -> literal('\r', out);
            case 'f' -> literal('\f', out);
            case 'v' -> literal('\u000b', out);
            case '0' -> literal(0, out);
            case 'u', 'x' -> {
                int digits = d == 'u' ? 4 : 2;
                if (at + digits >= end || !ecma.substring(at + 1, at + 1 + digits).matches("[0-9a-fA-F]+")) {
                    throw new IllegalArgumentException(path + ": \\" + d + " needs " + digits + " hex digits");
                }
                int unit = Integer.parseInt(ecma.substring(at + 1, at + 1 + digits), 16);
                if (Character.isSurrogate((char) unit)) {
                    throw new IllegalArgumentException(path + ": write characters outside the BMP as themselves, not as "
                            + "\\u surrogates");
                }
                literal(unit, out);
                return at + digits;
            }
            case 'b' -> {
                if (!inClass) {
                    throw new IllegalArgumentException(path + ": word boundaries (\\b) cannot be kept to");
                }
                literal('\b', out);
            }
            default -> {
                if (Character.isLetterOrDigit(d)) {
                    throw new IllegalArgumentException(path + ": \\" + d + " is not supported (back-references, "
                            + "word boundaries and property classes are not regular here)");
                }
                literal(d, out);
            }
        }
        return at;
    }

    private static void literal(int codePoint, StringBuilder out) {
        if (Character.isLetterOrDigit(codePoint) && codePoint < 0x80) {
            out.appendCodePoint(codePoint);
        } else {
            out.append('\\').appendCodePoint(codePoint);
        }
    }

    private static boolean escapedAt(String text, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Full and ::-shortened IPv6 addresses (without an embedded IPv4 tail). */
    private static String ipv6() {
        String group = "[0-9a-fA-F]{1,4}";
        StringBuilder choices = new StringBuilder("(" + group + ":){7}" + group);
        for (int left = 0; left <= 7; left++) {
            for (int right = 0; left + right <= 7; right++) {
                choices.append('|').append(groups(group, left)).append("::").append(groups(group, right));
            }
        }
        return "(" + choices + ")";
    }

    private static String groups(String group, int count) {
        return count == 0 ? "" : count == 1 ? group : group + "(:" + group + "){" + (count - 1) + "}";
    }
}
