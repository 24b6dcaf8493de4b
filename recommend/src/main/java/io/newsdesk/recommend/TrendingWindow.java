package io.newsdesk.recommend;

import io.newsdesk.core.problem.InvalidRequestException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How far back trending looks: {@code 1h} to {@code 30d}; engagement decays with a half-life of a quarter of it. */
public record TrendingWindow(Duration length) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})([hd])");
    static final Duration MIN = Duration.ofHours(1);
    static final Duration MAX = Duration.ofDays(30);

    public static TrendingWindow parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "24h" : text);
        if (!m.matches()) {
            throw invalid(text);
        }
        long n = Long.parseLong(m.group(1));
        Duration length = m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
        if (length.compareTo(MIN) < 0 || length.compareTo(MAX) > 0) {
            throw invalid(text);
        }
        return new TrendingWindow(length);
    }

    public Duration halfLife() {
        return length.dividedBy(4);
    }

    /** "today", "this week" or "in the last N hours/days", for explanations. */
    public String phrase() {
        if (length.equals(Duration.ofHours(24)) || length.equals(Duration.ofDays(1))) {
            return "today";
        }
        if (length.equals(Duration.ofDays(7))) {
            return "this week";
        }
        return length.toHours() < 48 ? "in the last " + length.toHours() + " hours" : "in the last " + length.toDays() + " days";
    }

    private static InvalidRequestException invalid(String text) {
        return new InvalidRequestException("window: '" + text + "' is not a window between 1h and 30d, such as 6h, 24h or 7d",
                java.util.List.of(new InvalidRequestException.FieldError("window", "must be like 6h, 24h or 7d, between 1h and 30d")));
    }
}
