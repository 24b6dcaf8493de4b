package io.newsdesk.core.ml.llm;

/**
 * The ways a JSON text so far can be read against a {@link JsonShape}: one {@link JsonPrefix}, until a value begins
 * that a union may take in more than one branch of its kind (two objects, say, which the brace cannot tell apart).
 * Each of those branches is then followed as a reading of its own: a byte is taken when some reading takes it,
 * readings that cannot take it are dropped, and readings that have come to the same state (the value that told
 * them apart has closed) become one again. At most {@value #MAX_READINGS} at once; past that, a union's further
 * branches are not followed, so what is written still keeps to the shape, in the branches that are.
 */
final class JsonReadings {

    static final int MAX_READINGS = 16;

    /** The live readings first; the slots past {@link #count} keep their objects for reuse. */
    private final JsonPrefix[] readings = new JsonPrefix[MAX_READINGS];
    private int count;

    /** Readings of a value of {@code root}'s shape. */
    JsonReadings(JsonShape root) {
        readings[0] = new JsonPrefix(root);
        count = 1;
    }

    void copyFrom(JsonReadings other) {
        for (int i = 0; i < other.count; i++) {
            slot(i).copyFrom(other.readings[i]);
        }
        count = other.count;
    }

    /** Takes the byte if some reading can; otherwise false, and the readings are spoilt. */
    boolean accept(int b) {
        int total = count;
        for (int i = 0; i < count; i++) {
            int branches = readings[i].branchesAt(b);
            for (int j = 1; j < branches && total < MAX_READINGS; j++) {
                JsonPrefix fork = slot(total++);
                fork.copyFrom(readings[i]);
                fork.takeBranch(j);
            }
        }
        int live = 0;
        for (int i = 0; i < total; i++) {
            JsonPrefix reading = readings[i];
            if (reading.accept(b) && !alreadyRead(reading, live)) {
                readings[i] = readings[live];
                readings[live++] = reading;
            }
        }
        count = live;
        return live > 0;
    }

    private boolean alreadyRead(JsonPrefix reading, int live) {
        for (int i = 0; i < live; i++) {
            if (readings[i].sameAs(reading)) {
                return true;
            }
        }
        return false;
    }

    private JsonPrefix slot(int i) {
        if (readings[i] == null) {
            readings[i] = new JsonPrefix();
        }
        return readings[i];
    }

    /** How many readings are live: one unless a union's branches of one kind are being told apart. */
    int count() {
        return count;
    }

    /** True when the value has closed: nothing may follow. */
    boolean complete() {
        return some(JsonPrefix::complete);
    }

    /** True between values, keys and punctuation in every reading: where whitespace leaves the state as it was. */
    boolean betweenTokens() {
        return !some(reading -> !reading.betweenTokens());
    }

    /** True when every reading is inside a string (ruled or not), past any escape and between characters. */
    boolean inStrings() {
        return !some(reading -> !reading.inString() && !reading.inRuledString());
    }

    /** True when some reading is inside a string with nothing to keep to but JSON: every string-safe token fits. */
    boolean inFreeString() {
        return some(JsonPrefix::inString);
    }

    private boolean some(java.util.function.Predicate<JsonPrefix> test) {
        for (int i = 0; i < count; i++) {
            if (test.test(readings[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * With every reading inside a string ({@link #inStrings}), whether string-safe bytes (no quote, backslash or
     * control character, whole characters) keep to some reading's lengths and pattern; the readings are left as
     * they were.
     */
    boolean ruledStringTakes(byte[] plain) {
        for (int i = 0; i < count; i++) {
            if (readings[i].inRuledString() && readings[i].ruledStringTakes(plain)) {
                return true;
            }
        }
        return false;
    }
}
