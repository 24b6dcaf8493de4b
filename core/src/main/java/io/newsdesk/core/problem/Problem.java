package io.newsdesk.core.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem: a stable {@code type} URI clients can switch on, a short {@code title} that does not vary
 * between occurrences, the HTTP {@code status}, a {@code detail} saying what went wrong this time and what to do,
 * and optional extension members (for example the list of invalid fields).
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    public static final String TYPE_PREFIX = "urn:newsdesk:problem:";
    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, Map.of());
    }

    public Problem with(String member, Object value) {
        var more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, more);
    }

    /** The problem as the JSON object it is sent as, extension members beside the standard ones. */
    public Map<String, Object> toJson(String instance) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", type);
        json.put("title", title);
        json.put("status", status);
        if (detail != null) {
            json.put("detail", detail);
        }
        if (instance != null) {
            json.put("instance", instance);
        }
        extensions.forEach(json::putIfAbsent);
        return json;
    }
}
