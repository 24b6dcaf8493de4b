package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a JSON value may be, read from a JSON Schema: the part of the schema language that generation can keep to
 * byte by byte (OpenAI's structured outputs ask for little more). Objects list their properties (no others may
 * appear, each at most once, the required ones before the object closes), arrays their items (between minItems
 * and maxItems of them), strings may be one of an {@code enum} or a {@code const}, and {@code type} may name
 * several kinds. A keyword that would have to be checked and cannot ({@code pattern}, {@code anyOf},
 * {@code $ref}, lengths, bounds...) is refused, never ignored.
 */
public final class JsonShape {

    /** The kinds of JSON value. */
    enum Kind { OBJECT, ARRAY, STRING, NUMBER, INTEGER, BOOLEAN, NULL }

    /** Most properties one object may list: which have appeared is kept in one {@code long}. */
    static final int MAX_PROPERTIES = 64;

    private static final Set<String> READ = Set.of("type", "properties", "required", "additionalProperties", "items",
            "minItems", "maxItems", "enum", "const", "description", "title", "$schema");

    /** Any JSON value. */
    static final JsonShape ANY = new JsonShape(EnumSet.allOf(Kind.class), null, null, 0, null, 0, Integer.MAX_VALUE, null);

    /** Any JSON object: OpenAI's JSON mode. */
    public static final JsonShape ANY_OBJECT = new JsonShape(EnumSet.of(Kind.OBJECT), null, null, 0, null, 0,
            Integer.MAX_VALUE, null);

    private final EnumSet<Kind> kinds;
    private final List<byte[]> propertyNames;
    private final List<JsonShape> propertyShapes;
    private final long required;
    private final JsonShape items;
    private final int minItems;
    private final int maxItems;
    private final List<byte[]> strings;

    private JsonShape(EnumSet<Kind> kinds, List<byte[]> propertyNames, List<JsonShape> propertyShapes, long required,
            JsonShape items, int minItems, int maxItems, List<byte[]> strings) {
        this.kinds = kinds;
        this.propertyNames = propertyNames;
        this.propertyShapes = propertyShapes;
        this.required = required;
        this.items = items;
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.strings = strings;
    }

    /**
     * The shape a schema describes.
     *
     * @throws IllegalArgumentException naming the keyword or value that cannot be kept to
     */
    public static JsonShape of(JsonNode schema) {
        return read(schema, "schema", 0);
    }

    /** Whether the shape's values are objects only, as a whole answer must be. */
    public boolean objectOnly() {
        return kinds.equals(EnumSet.of(Kind.OBJECT));
    }

    private static JsonShape read(JsonNode schema, String path, int depth) {
        if (!schema.isObject()) {
            throw new IllegalArgumentException(path + " must be a JSON Schema object");
        }
        if (depth > JsonPrefix.MAX_DEPTH) {
            throw new IllegalArgumentException(path + " nests deeper than " + JsonPrefix.MAX_DEPTH + " levels");
        }
        for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
            String keyword = it.next();
            if (!READ.contains(keyword)) {
                throw new IllegalArgumentException(path + "." + keyword + " is not supported: generation can keep to "
                        + "type, properties, required, items, minItems, maxItems, enum and const");
            }
        }
        List<byte[]> strings = strings(schema, path);
        EnumSet<Kind> kinds = kinds(schema, path, strings);
        List<byte[]> names = null;
        List<JsonShape> shapes = null;
        long required = 0;
        JsonNode additional = schema.path("additionalProperties");
        if (!additional.isMissingNode() && !additional.isBoolean()) {
            throw new IllegalArgumentException(path + ".additionalProperties must be true or false: a schema for them "
                    + "is not supported");
        }
        // listed properties are the only ones generated, whatever additionalProperties says: every answer still fits
        if (schema.has("properties") || additional.isBoolean() && !additional.asBoolean()) {
            if (!kinds.contains(Kind.OBJECT)) {
                throw new IllegalArgumentException(path + ".properties is given for a value that is not an object");
            }
            names = new ArrayList<>();
            shapes = new ArrayList<>();
            List<String> listed = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                listed.add(property.getKey());
                names.add(encoded(property.getKey()));
                shapes.add(read(property.getValue(), path + ".properties." + property.getKey(), depth + 1));
            }
            if (names.size() > MAX_PROPERTIES) {
                throw new IllegalArgumentException(path + " lists more than " + MAX_PROPERTIES + " properties");
            }
            for (JsonNode name : schema.path("required")) {
                int index = listed.indexOf(name.asText());
                if (index < 0) {
                    throw new IllegalArgumentException(path + ".required names '" + name.asText() + "', not a property");
                }
                required |= 1L << index;
            }
        } else if (schema.has("required")) {
            throw new IllegalArgumentException(path + ".required needs the properties it names");
        }
        JsonShape items = null;
        if (schema.has("items")) {
            if (!kinds.contains(Kind.ARRAY)) {
                throw new IllegalArgumentException(path + ".items is given for a value that is not an array");
            }
            items = read(schema.get("items"), path + ".items", depth + 1);
        }
        int minItems = count(schema, "minItems", 0, path, kinds);
        int maxItems = count(schema, "maxItems", Integer.MAX_VALUE, path, kinds);
        if (minItems > maxItems) {
            throw new IllegalArgumentException(path + ".minItems is above maxItems");
        }
        return new JsonShape(kinds, names, shapes, required, items, minItems, maxItems, strings);
    }

    private static int count(JsonNode schema, String keyword, int absent, String path, EnumSet<Kind> kinds) {
        JsonNode value = schema.path(keyword);
        if (value.isMissingNode()) {
            return absent;
        }
        if (!kinds.contains(Kind.ARRAY) || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new IllegalArgumentException(path + "." + keyword + " must be a count of an array's items");
        }
        return value.asInt();
    }

    private static EnumSet<Kind> kinds(JsonNode schema, String path, List<byte[]> strings) {
        JsonNode type = schema.path("type");
        if (type.isMissingNode()) {
            return strings != null ? EnumSet.of(Kind.STRING)
                    : schema.has("properties") ? EnumSet.of(Kind.OBJECT)
                    : schema.has("items") ? EnumSet.of(Kind.ARRAY) : EnumSet.allOf(Kind.class);
        }
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (JsonNode name : type.isArray() ? type : List.of(type)) {
            try {
                kinds.add(Kind.valueOf(name.asText().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ".type '" + name.asText() + "' is not a JSON Schema type");
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException(path + ".type names no type");
        }
        if (strings != null && !kinds.equals(EnumSet.of(Kind.STRING))) {
            throw new IllegalArgumentException(path + ": enum and const are kept to for strings only");
        }
        return kinds;
    }

    /** The JSON-encoded strings an enum or const allows; null when the schema has neither. */
    private static List<byte[]> strings(JsonNode schema, String path) {
        if (!schema.has("enum") && !schema.has("const")) {
            return null;
        }
        List<byte[]> strings = new ArrayList<>();
        for (JsonNode value : schema.has("const") ? List.of(schema.get("const")) : schema.get("enum")) {
            if (!value.isTextual()) {
                throw new IllegalArgumentException(path + ": enum and const are kept to for strings only");
            }
            strings.add(encoded(value.asText()));
        }
        if (strings.isEmpty()) {
            throw new IllegalArgumentException(path + ".enum allows nothing");
        }
        return strings;
    }

    /** A string's content as it stands between the quotes of a JSON text, escaped the usual way. */
    private static byte[] encoded(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text)).getBytes(StandardCharsets.UTF_8);
    }

    boolean allows(Kind kind) {
        return kinds.contains(kind);
    }

    /** Numbers only as integers: no fraction or exponent. */
    boolean integerOnly() {
        return kinds.contains(Kind.INTEGER) && !kinds.contains(Kind.NUMBER);
    }

    /** Whether the object's keys are listed (otherwise any key, any value). */
    boolean closedObject() {
        return propertyNames != null;
    }

    List<byte[]> propertyNames() {
        return propertyNames;
    }

    JsonShape property(int index) {
        return propertyShapes.get(index);
    }

    long required() {
        return required;
    }

    /** Whether an object that has seen {@code seen} properties may take another. */
    boolean roomFor(long seen) {
        return Long.bitCount(seen) < propertyNames.size();
    }

    /** Whether an array with {@code items} items may close. */
    boolean enoughItems(long items) {
        return items >= minItems;
    }

    /** Whether an array with {@code items} items may take another. */
    boolean roomForItem(long items) {
        return items < maxItems;
    }

    JsonShape items() {
        return items == null ? ANY : items;
    }

    /** The strings allowed, JSON-encoded; null for any string. */
    List<byte[]> strings() {
        return strings;
    }
}
