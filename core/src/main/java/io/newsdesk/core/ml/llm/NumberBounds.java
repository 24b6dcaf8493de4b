package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A number schema's minimum and maximum (each inclusive or exclusive) and multipleOf, kept to while the number is
 * written: a prefix is allowed only while some number that begins with it lies within the bounds and is a multiple.
 * Such numbers are written plainly, without an exponent, so what a prefix can still become is a union of
 * intervals: "-12" may go on to -12.5 or -120, "0.3" only to [0.3, 0.4); an interval holds a multiple of the step
 * when rounding its ends inward to multiples leaves them in order.
 */
final class NumberBounds {

    /** Longest number written under bounds; bounds are short enough that every allowed number has a spelling this long. */
    static final int MAX_NUMBER_BYTES = 64;
    private static final int MAX_BOUND_DIGITS = 30;

    private final BigDecimal lower;
    private final boolean lowerInclusive;
    private final BigDecimal upper;
    private final boolean upperInclusive;
    private final boolean integers;
    /** What every allowed number is a multiple of: multipleOf, made a whole number for integers; null for any. */
    private final BigDecimal step;

    private NumberBounds(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive, boolean integers,
            BigDecimal step) {
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
        this.integers = integers;
        this.step = step;
    }

    /**
     * The bounds a schema sets, or null when it sets none.
     *
     * @throws IllegalArgumentException when a bound is not a number, or no number of the type meets them all
     */
    static NumberBounds of(JsonNode schema, String path, boolean numbers, boolean integersOnly) {
        BigDecimal minimum = bound(schema, "minimum", path);
        BigDecimal maximum = bound(schema, "maximum", path);
        BigDecimal multipleOf = bound(schema, "multipleOf", path);
        JsonNode exclusiveMinimum = schema.path("exclusiveMinimum");
        JsonNode exclusiveMaximum = schema.path("exclusiveMaximum");
        if (minimum == null && maximum == null && multipleOf == null && exclusiveMinimum.isMissingNode()
                && exclusiveMaximum.isMissingNode()) {
            return null;
        }
        if (!numbers) {
            throw new IllegalArgumentException(path + ": minimum, maximum and multipleOf are given for a value that is "
                    + "not a number");
        }
        if (multipleOf != null && multipleOf.signum() <= 0) {
            throw new IllegalArgumentException(path + ".multipleOf must be above zero");
        }
        BigDecimal lower = minimum;
        boolean lowerInclusive = true;
        if (exclusiveMinimum.isBoolean()) { // draft 4: a flag on minimum
            lowerInclusive = !exclusiveMinimum.asBoolean();
        } else if (!exclusiveMinimum.isMissingNode()) {
            BigDecimal exclusive = bound(schema, "exclusiveMinimum", path);
            if (lower == null || exclusive.compareTo(lower) >= 0) {
                lower = exclusive;
                lowerInclusive = false;
            }
        }
        BigDecimal upper = maximum;
        boolean upperInclusive = true;
        if (exclusiveMaximum.isBoolean()) {
            upperInclusive = !exclusiveMaximum.asBoolean();
        } else if (!exclusiveMaximum.isMissingNode()) {
            BigDecimal exclusive = bound(schema, "exclusiveMaximum", path);
            if (upper == null || exclusive.compareTo(upper) <= 0) {
                upper = exclusive;
                upperInclusive = false;
            }
        }
        NumberBounds bounds = new NumberBounds(lower, lowerInclusive, upper, upperInclusive, integersOnly,
                step(multipleOf, integersOnly));
        if (!bounds.meets(null, false, null, false)) {
            throw new IllegalArgumentException(path + ": no " + (integersOnly ? "integer" : "number")
                    + " lies within minimum and maximum" + (multipleOf == null ? "" : " and is a multiple of multipleOf"));
        }
        return bounds;
    }

    /**
     * The step allowed numbers go by: 1 for integers, multipleOf for numbers, and for integers that are multiples of
     * multipleOf the least common multiple of the two (integers that are multiples of 0.4 go by 2).
     */
    private static BigDecimal step(BigDecimal multipleOf, boolean integersOnly) {
        if (!integersOnly) {
            return multipleOf;
        }
        if (multipleOf == null) {
            return BigDecimal.ONE;
        }
        BigDecimal exact = multipleOf.stripTrailingZeros();
        int scale = Math.max(0, exact.scale());
        java.math.BigInteger unit = java.math.BigInteger.TEN.pow(scale); // multipleOf = numerator / unit
        java.math.BigInteger numerator = exact.movePointRight(scale).toBigIntegerExact();
        java.math.BigInteger lcm = numerator.multiply(unit).divide(numerator.gcd(unit));
        return new BigDecimal(lcm).movePointLeft(scale).stripTrailingZeros();
    }

    private static BigDecimal bound(JsonNode schema, String keyword, String path) {
        JsonNode value = schema.path(keyword);
        if (value.isMissingNode()) {
            return null;
        }
        if (!value.isNumber() || value.decimalValue().stripTrailingZeros().toPlainString().length() > MAX_BOUND_DIGITS) {
            throw new IllegalArgumentException(path + "." + keyword + " must be a number of at most " + MAX_BOUND_DIGITS
                    + " digits");
        }
        return value.decimalValue();
    }

    /** Whether the whole number written lies within the bounds. */
    boolean holds(byte[] text, int length) {
        BigDecimal value = new BigDecimal(new String(text, 0, length, java.nio.charset.StandardCharsets.US_ASCII));
        return meets(value, true, value, true);
    }

    /** Whether some number beginning with the text (a plain decimal, or its start) lies within the bounds. */
    boolean mayReach(byte[] text, int length) {
        String number = new String(text, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
        boolean negative = number.startsWith("-");
        String digits = negative ? number.substring(1) : number;
        if (digits.isEmpty()) {
            return negative ? meets(null, false, BigDecimal.ZERO, true) : meets(BigDecimal.ZERO, true, null, false);
        }
        int point = digits.indexOf('.');
        if (point >= 0) { // [x, x + one unit of the last place written)
            BigDecimal at = new BigDecimal(digits.endsWith(".") ? digits.substring(0, point) : digits);
            return magnitudes(negative, at, at.add(BigDecimal.ONE.movePointLeft(digits.length() - point - 1)));
        }
        BigDecimal whole = new BigDecimal(digits);
        if (whole.signum() == 0) { // a leading zero: only a fraction may follow
            return magnitudes(negative, BigDecimal.ZERO, BigDecimal.ONE);
        }
        // more digits may follow, or a fraction: [n * 10^k, (n + 1) * 10^k) for every k
        for (int k = 0; length + k <= MAX_NUMBER_BYTES; k++) {
            BigDecimal from = whole.movePointRight(k);
            if (magnitudes(negative, from, whole.add(BigDecimal.ONE).movePointRight(k))) {
                return true;
            }
            if (negative ? lower != null && from.negate().compareTo(lower) < 0 : upper != null && from.compareTo(upper) > 0) {
                return false; // every later interval lies further out still
            }
        }
        return false;
    }

    /** Whether a magnitude in [from, to) (integers: [from, to - 1]), signed, lies within the bounds. */
    private boolean magnitudes(boolean negative, BigDecimal from, BigDecimal to) {
        if (integers) {
            BigDecimal last = to.subtract(BigDecimal.ONE);
            return negative ? meets(last.negate(), true, from.negate(), true) : meets(from, true, last, true);
        }
        return negative ? meets(to.negate(), false, from.negate(), true) : meets(from, true, to, false);
    }

    /** Whether [lo, hi] (ends open where flagged false, null for none) holds a value within the bounds. */
    private boolean meets(BigDecimal lo, boolean loIn, BigDecimal hi, boolean hiIn) {
        if (lower != null) {
            int c = lo == null ? 1 : lower.compareTo(lo);
            if (c > 0) {
                lo = lower;
                loIn = lowerInclusive;
            } else if (c == 0) {
                loIn &= lowerInclusive;
            }
        }
        if (upper != null) {
            int c = hi == null ? -1 : upper.compareTo(hi);
            if (c < 0) {
                hi = upper;
                hiIn = upperInclusive;
            } else if (c == 0) {
                hiIn &= upperInclusive;
            }
        }
        if (step != null) { // the ends rounded inward to the nearest multiples
            if (lo != null) {
                BigDecimal ceiling = lo.divide(step, 0, RoundingMode.CEILING).multiply(step);
                lo = ceiling.compareTo(lo) == 0 && !loIn ? ceiling.add(step) : ceiling;
                loIn = true;
            }
            if (hi != null) {
                BigDecimal floor = hi.divide(step, 0, RoundingMode.FLOOR).multiply(step);
                hi = floor.compareTo(hi) == 0 && !hiIn ? floor.subtract(step) : floor;
                hiIn = true;
            }
        }
        if (lo == null || hi == null) {
            return true;
        }
        int c = lo.compareTo(hi);
        return c < 0 || c == 0 && loIn && hiIn;
    }
}
