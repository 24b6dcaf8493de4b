package io.newsdesk.core.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.problem.InvalidRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * An opaque pagination cursor: a small map of values that locate the next page (a sort key and an id, or an
 * offset and a query fingerprint), sent to clients as base64url JSON. Clients must treat it as opaque; a cursor
 * that does not decode is a 400 problem, never a silent first page.
 */
public final class Cursor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 2048;

    private Cursor() {
    }

    public static String encode(Map<String, ?> values) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (IOException e) {
            throw new IllegalStateException("cursor values must be JSON-serialisable", e);
        }
    }

    /** Decodes a cursor; null or blank means the first page and gives an empty map. */
    public static Map<String, Object> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Map.of();
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII));
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
    }

    public static String requireString(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value instanceof String s) {
            return s;
        }
        throw invalid();
    }

    public static long requireLong(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw invalid();
    }

    public static InvalidRequestException invalid() {
        return new InvalidRequestException(
                "cursor: not a cursor this endpoint issued; pass nextCursor from the previous page unchanged");
    }
}
