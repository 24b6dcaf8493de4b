package io.newsdesk.core.content;

import io.newsdesk.core.problem.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * The ids clients choose for articles and readers: 1 to 128 characters of letters, digits and {@code . _ ~ -},
 * starting with a letter or digit, so that they are safe in a URL path segment without escaping.
 */
public final class ContentIds {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._~-]{0,127}";
    /** A section is a lower-case slug such as {@code sport} or {@code local-news}. */
    public static final String SECTION_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";
    private static final Pattern ID = Pattern.compile(PATTERN);

    private ContentIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Returns {@code id} or throws a 400 problem naming the field. */
    public static String require(String field, String id) {
        if (!isValid(id)) {
            String shown = id == null ? "nothing" : "'" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "'";
            throw new InvalidRequestException(field + ": got " + shown + "; ids are 1-128 letters, digits, '.', '_', "
                    + "'~' or '-', starting with a letter or digit",
                    java.util.List.of(new InvalidRequestException.FieldError(field, "must match " + PATTERN)));
        }
        return id;
    }
}
