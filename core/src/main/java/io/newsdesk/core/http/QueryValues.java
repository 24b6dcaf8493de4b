package io.newsdesk.core.http;

import io.newsdesk.core.problem.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Parses query parameters into typed values with a 400 problem naming the parameter when they do not parse
 * (JAX-RS's own conversion would answer 404).
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** Parses {@code value} with {@code parser}; null stays null. */
    public static <T> T parse(String name, String value, Function<String, T> parser, String expected) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, value, expected);
        }
    }

    /**
     * A date or date-time: {@code 2026-11-23} means that day's start in UTC ({@code endOfDay} gives its last
     * instant), or a full ISO-8601 date-time with offset.
     */
    public static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, value, "a date (2026-11-23) or an ISO-8601 date-time with offset");
        }
    }

    private static InvalidRequestException invalid(String name, String value, String expected) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
        return new InvalidRequestException(name + ": '" + shown + "' is not " + expected,
                List.of(new InvalidRequestException.FieldError(name, "must be " + expected)));
    }
}
