package io.newsdesk.core.http;

import io.newsdesk.core.problem.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity tags for optimistic versioning: a resource at version {@code n} has the strong tag {@code "n"}.
 * {@code If-Match} may list several tags or {@code *}; weak tags ({@code W/"n"}) compare by their value.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Parses an {@code If-Match} or {@code If-None-Match} header.
     *
     * @return null when the header is absent, an empty list for {@code *}, else the versions listed
     */
    public static List<Long> parse(String header, String headerName) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.strip().equals("*")) {
            return List.of();
        }
        List<Long> versions = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.isEmpty()) {
                continue; // HTTP lists may hold empty elements ("1", , "2")
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() < 3 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
                throw malformed(headerName, header);
            }
            try {
                versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
            } catch (NumberFormatException e) {
                throw malformed(headerName, header);
            }
        }
        if (versions.isEmpty()) {
            throw malformed(headerName, header); // commas alone: not a condition, and never "*"
        }
        return versions;
    }

    private static InvalidRequestException malformed(String headerName, String header) {
        String shown = header.length() > 80 ? header.substring(0, 80) + "..." : header;
        return new InvalidRequestException(headerName + ": '" + shown
                + "' is not an entity tag list; send the ETag from a GET, e.g. \"3\", or *");
    }
}
