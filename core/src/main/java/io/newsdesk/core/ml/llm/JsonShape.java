package io.newsdesk.core.ml.llm;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * What a JSON value may be, read from a JSON Schema: the part of the schema language that generation can keep to
 * byte by byte, which covers what OpenAI's structured outputs accept. Objects list their properties (no others may
 * appear, each at most once and in the order the schema lists them, as OpenAI writes them, the required ones
 * before the object closes), arrays their items (between minItems
 * and maxItems of them), and {@code type} may name several kinds. Strings may be one of an {@code enum} or a
 * {@code const} and keep to minLength, maxLength, a {@code pattern} and a {@code format} ({@link StringPatterns});
 * numbers keep to their minimum, maximum and multipleOf ({@link NumberBounds}). {@code $ref} points into the same document
 * ({@code $defs}, {@code definitions}, or {@code #} itself, so shapes may be recursive); {@code anyOf} and
 * {@code oneOf} join branches, of different kinds or of the same (two objects, an integer and a bounded number):
 * where a value's first byte cannot say which branch it takes, each is followed until the text rules it out
 * ({@link JsonReadings}).
 * A keyword that would have to be checked and cannot ({@code not}, {@code if}, ...) is refused, never
 * ignored.
 */
public final class JsonShape {

    /** The kinds of JSON value. */
    enum Kind { OBJECT, ARRAY, STRING, NUMBER, INTEGER, BOOLEAN, NULL }

    /** Most properties one object may list: which have appeared is kept in one {@code long}. */
    static final int MAX_PROPERTIES = 64;
    /** Most patterns and formats one schema may hold: each is an automaton built for the request. */
    static final int MAX_PATTERNS = 32;
    /** Most enum and const values one schema may list, together: each is tried on every byte of a string. */
    static final int MAX_ENUM_VALUES = 1_000;
    /** Most branches of one kind a union may join: each is followed as a reading of its own while the text fits it. */
    static final int MAX_SAME_KIND_BRANCHES = 8;

    private static final Set<String> ANNOTATIONS = Set.of("description", "title", "$schema", "$comment", "default",
            "examples", "deprecated", "readOnly", "writeOnly", "$defs", "definitions");
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties",
            "items", "minItems", "maxItems", "enum", "const", "nullable", "minLength", "maxLength", "pattern", "format",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
    private static final String KEPT_TO = "type, properties, required, additionalProperties, items, minItems, "
            + "maxItems, enum, const, nullable, minLength, maxLength, pattern, format, minimum, maximum, "
            + "exclusiveMinimum, exclusiveMaximum, multipleOf, $ref, anyOf, oneOf and a one-schema allOf";

    /** Any JSON value. */
    static final JsonShape ANY = new JsonShape(EnumSet.allOf(Kind.class));

    /** Any JSON object: OpenAI's JSON mode. */
    public static final JsonShape ANY_OBJECT = new JsonShape(EnumSet.of(Kind.OBJECT));

    // set once while the schema is read; a shape that a $ref reaches is made before it is read, for recursion
    private EnumSet<Kind> kinds;
    /** For anyOf/oneOf: the branches each kind of value may take (numbers under NUMBER); null for a plain shape. */
    private Map<Kind, List<JsonShape>> branches;
    private List<byte[]> propertyNames;
    private List<JsonShape> propertyShapes;
    private long required;
    private JsonShape items;
    private int minItems;
    private int maxItems = Integer.MAX_VALUE;
    private List<byte[]> strings;
    private int minLength;
    private int maxLength = Integer.MAX_VALUE;
    /** The strings pattern and format allow, run over their UTF-8 bytes; null when neither is given. */
    private ByteRunAutomaton pattern;
    private NumberBounds bounds;
    /** For an object made by {@link #choosing}: the property whose enum value picks the shape of another. */
    private int chooser = -1;
    private int chosen = -1;
    private List<JsonShape> choices;
    /** This shape as the one branch of its kinds: asked for at every value, so made once. */
    private final List<JsonShape> alone = List.of(this);

    private JsonShape(EnumSet<Kind> kinds) {
        this.kinds = kinds;
    }

    private JsonShape() {
    }

    /**
     * The shape a schema describes.
     *
     * @throws IllegalArgumentException naming the keyword or value that cannot be kept to
     */
    public static JsonShape of(JsonNode schema) {
        return new Reader(schema).read(schema, "schema", 0);
    }

    /**
     * An object of two properties, both required, {@code key} first: its value one of {@code values}, and the value
     * of {@code dependent} of the shape in {@code shapes} at the same place. What JSON Schema cannot say (a shape
     * that depends on a value) and a tool call needs: {"name": ..., "arguments": the named function's}.
     */
    public static JsonShape choosing(String key, List<String> values, String dependent, List<JsonShape> shapes) {
        if (values.isEmpty() || values.size() != shapes.size() || values.size() > 64) {
            throw new IllegalArgumentException("one shape for each of 1-64 values is needed");
        }
        JsonShape names = new JsonShape(EnumSet.of(Kind.STRING));
        names.strings = values.stream().map(JsonShape::encoded).toList();
        JsonShape object = new JsonShape(EnumSet.of(Kind.OBJECT));
        object.propertyNames = List.of(encoded(key), encoded(dependent));
        object.propertyShapes = List.of(names, ANY);
        object.required = 0b11;
        object.chooser = 0;
        object.chosen = 1;
        object.choices = List.copyOf(shapes);
        return object;
    }

    /** An array of {@code min} to {@code max} items of {@code items}' shape. */
    public static JsonShape arrayOf(JsonShape items, int min, int max) {
        JsonShape array = new JsonShape(EnumSet.of(Kind.ARRAY));
        array.items = items;
        array.minItems = min;
        array.maxItems = max;
        return array;
    }

    /**
     * Whether a JSON text is one whole object of this shape, read the way generation keeps to it (so compact: one
     * whitespace byte at most between tokens).
     */
    public boolean admits(String json) {
        JsonReadings readings = new JsonReadings(this);
        for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
            if (!readings.accept(b & 0xff)) {
                return false;
            }
        }
        return readings.complete();
    }

    /** Whether the shape's values are objects only, as OpenAI's JSON answers are. */
    public boolean objectOnly() {
        return kinds.equals(EnumSet.of(Kind.OBJECT));
    }

    /** Whether the shape's values are objects or arrays only: a generated JSON text ends when its value closes. */
    boolean containerOnly() {
        return EnumSet.of(Kind.OBJECT, Kind.ARRAY).containsAll(kinds);
    }

    /** Reads one schema document; its shapes reached through {@code $ref} are read once, by pointer. */
    private static final class Reader {

        private final JsonNode root;
        private final Map<String, JsonShape> referenced = new HashMap<>();
        private int patterns;
        private int enumValues;

        Reader(JsonNode root) {
            this.root = root;
        }

        JsonShape read(JsonNode schema, String path, int depth) {
            if (!schema.isObject()) {
                throw new IllegalArgumentException(path + " must be a JSON Schema object");
            }
            if (depth > JsonPrefix.MAX_DEPTH) {
                throw new IllegalArgumentException(path + " nests deeper than " + JsonPrefix.MAX_DEPTH + " levels");
            }
            if (schema.has("$ref")) {
                return reference(schema, path, depth);
            }
            if (schema.has("allOf")) {
                onlyAnnotationsBeside(schema, "allOf", path);
                return single(schema.get("allOf"), path + ".allOf", depth);
            }
            JsonShape shape = new JsonShape();
            fill(shape, schema, path, depth);
            return shape;
        }

        /** Reads a schema other than a $ref or an allOf into a shape made blank beforehand. */
        private void fill(JsonShape shape, JsonNode schema, String path, int depth) {
            for (String combined : List.of("anyOf", "oneOf")) {
                if (schema.has(combined)) {
                    onlyAnnotationsBeside(schema, combined, path);
                    union(shape, schema.get(combined), path + "." + combined, depth);
                    return;
                }
            }
            plain(shape, schema, path, depth);
        }

        /** A shape defined elsewhere in the document: made blank and remembered before it is read, so it may recur. */
        private JsonShape reference(JsonNode schema, String path, int depth) {
            onlyAnnotationsBeside(schema, "$ref", path);
            Set<String> followed = new HashSet<>();
            String pointer = schema.get("$ref").asText();
            JsonNode target = schema;
            while (target.has("$ref")) {
                pointer = target.get("$ref").asText();
                JsonShape known = referenced.get(pointer);
                if (known != null) {
                    return known;
                }
                if (!followed.add(pointer)) {
                    throw new IllegalArgumentException(path + ".$ref '" + pointer + "' leads only back to itself");
                }
                target = resolve(pointer, path);
            }
            if (target.has("allOf")) {
                return read(target, path + "(" + pointer + ")", depth + 1); // not remembered: recursion ends at MAX_DEPTH
            }
            JsonShape shape = new JsonShape();
            referenced.put(pointer, shape);
            fill(shape, target, path + "(" + pointer + ")", depth + 1);
            return shape;
        }

        private JsonNode resolve(String pointer, String path) {
            if (!pointer.equals("#") && !pointer.startsWith("#/")) {
                throw new IllegalArgumentException(path + ".$ref '" + pointer + "' is not supported: only pointers into "
                        + "the same schema (#/$defs/...) are");
            }
            JsonNode target;
            try {
                target = root.at(JsonPointer.compile(pointer.substring(1)));
            } catch (IllegalArgumentException e) {
                target = null;
            }
            if (target == null || !target.isObject()) {
                throw new IllegalArgumentException(path + ".$ref '" + pointer + "' points at no schema");
            }
            return target;
        }

        private JsonShape single(JsonNode all, String path, int depth) {
            if (!all.isArray() || all.size() != 1) {
                throw new IllegalArgumentException(path + " is supported with one schema only");
            }
            return read(all.get(0), path + "[0]", depth + 1);
        }

        /**
         * anyOf or oneOf: the branches of each kind, nested unions flattened. Generation keeps to any of them, so for
         * oneOf a value that fits two branches is not ruled out (a schema's author rarely means it to be possible).
         */
        private void union(JsonShape union, JsonNode alternatives, String path, int depth) {
            if (!alternatives.isArray() || alternatives.isEmpty()) {
                throw new IllegalArgumentException(path + " must list at least one schema");
            }
            EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
            Map<Kind, List<JsonShape>> branches = new EnumMap<>(Kind.class);
            for (int i = 0; i < alternatives.size(); i++) {
                JsonShape branch = read(alternatives.get(i), path + "[" + i + "]", depth + 1);
                if (branch.kinds == null) { // a union still being read: its kinds are not known yet
                    throw new IllegalArgumentException(path + "[" + i + "] refers back to the schema it is part of");
                }
                for (Kind kind : branch.kinds) {
                    Kind key = kind == Kind.INTEGER ? Kind.NUMBER : kind;
                    List<JsonShape> taken = branches.computeIfAbsent(key, k -> new ArrayList<>());
                    for (JsonShape leaf : branch.branches(key)) {
                        if (taken.stream().noneMatch(t -> t == leaf)) {
                            taken.add(leaf);
                        }
                    }
                    if (taken.size() > MAX_SAME_KIND_BRANCHES) {
                        throw new IllegalArgumentException(path + ": more than " + MAX_SAME_KIND_BRANCHES + " branches allow "
                                + key.name().toLowerCase(Locale.ROOT) + " values");
                    }
                    kinds.add(kind);
                }
            }
            union.branches = branches;
            union.kinds = kinds;
        }

        private static void onlyAnnotationsBeside(JsonNode schema, String keyword, String path) {
            for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
                String other = it.next();
                if (!other.equals(keyword) && !ANNOTATIONS.contains(other)) {
                    throw new IllegalArgumentException(path + "." + other + " beside " + keyword + " is not supported");
                }
            }
        }

        private void plain(JsonShape shape, JsonNode schema, String path, int depth) {
            for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
                String keyword = it.next();
                if (!KEYWORDS.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
                    throw new IllegalArgumentException(path + "." + keyword + " is not supported: generation can keep to "
                            + KEPT_TO);
                }
            }
            boolean enumNull = allowsNull(schema);
            List<String> listed = strings(schema, path);
            if (listed != null && (enumValues += listed.size()) > MAX_ENUM_VALUES) {
                throw new IllegalArgumentException(path + ": a schema may list at most " + MAX_ENUM_VALUES
                        + " enum values in all");
            }
            EnumSet<Kind> kinds = kinds(schema, path, listed, enumNull);
            shape.kinds = kinds; // known before the properties and items are read: they may lead back here
            if ((schema.has("pattern") || schema.has("format")) && ++patterns > MAX_PATTERNS) {
                throw new IllegalArgumentException(path + ": a schema may hold at most " + MAX_PATTERNS
                        + " patterns and formats");
            }
            stringRules(shape, schema, path, listed);
            shape.bounds = NumberBounds.of(schema, path, kinds.contains(Kind.NUMBER) || kinds.contains(Kind.INTEGER),
                    shape.integerOnly());
            JsonNode additional = schema.path("additionalProperties");
            if (!additional.isMissingNode() && !additional.isBoolean()) {
                throw new IllegalArgumentException(path + ".additionalProperties must be true or false: a schema for "
                        + "them is not supported");
            }
            // listed properties are the only ones generated, whatever additionalProperties says: every answer still fits
            if (schema.has("properties") || additional.isBoolean() && !additional.asBoolean()) {
                if (!kinds.contains(Kind.OBJECT)) {
                    throw new IllegalArgumentException(path + ".properties is given for a value that is not an object");
                }
                properties(shape, schema, path, depth);
            } else if (schema.has("required")) {
                throw new IllegalArgumentException(path + ".required needs the properties it names");
            }
            if (schema.has("items")) {
                if (!kinds.contains(Kind.ARRAY)) {
                    throw new IllegalArgumentException(path + ".items is given for a value that is not an array");
                }
                shape.items = read(schema.get("items"), path + ".items", depth + 1);
            }
            shape.minItems = count(schema, "minItems", 0, path, kinds, Kind.ARRAY, "an array's items");
            shape.maxItems = count(schema, "maxItems", Integer.MAX_VALUE, path, kinds, Kind.ARRAY, "an array's items");
            if (shape.minItems > shape.maxItems) {
                throw new IllegalArgumentException(path + ".minItems is above maxItems");
            }
        }

        private void properties(JsonShape shape, JsonNode schema, String path, int depth) {
            shape.propertyNames = new ArrayList<>();
            shape.propertyShapes = new ArrayList<>();
            List<String> listed = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                listed.add(property.getKey());
                shape.propertyNames.add(encoded(property.getKey()));
                shape.propertyShapes.add(read(property.getValue(), path + ".properties." + property.getKey(), depth + 1));
            }
            if (listed.size() > MAX_PROPERTIES) {
                throw new IllegalArgumentException(path + " lists more than " + MAX_PROPERTIES + " properties");
            }
            for (JsonNode name : schema.path("required")) {
                int index = listed.indexOf(name.asText());
                if (index < 0) {
                    throw new IllegalArgumentException(path + ".required names '" + name.asText() + "', not a property");
                }
                shape.required |= 1L << index;
            }
        }
    }

    /** A count keyword (minItems, maxLength...) of a value of kind {@code of}, whose counted things are {@code what}. */
    private static int count(JsonNode schema, String keyword, int absent, String path, EnumSet<Kind> kinds, Kind of,
            String what) {
        JsonNode value = schema.path(keyword);
        if (value.isMissingNode()) {
            return absent;
        }
        if (!kinds.contains(of) || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new IllegalArgumentException(path + "." + keyword + " must be a count of " + what);
        }
        return value.asInt();
    }

    private static EnumSet<Kind> kinds(JsonNode schema, String path, List<String> strings, boolean enumNull) {
        JsonNode type = schema.path("type");
        EnumSet<Kind> kinds;
        if (type.isMissingNode()) {
            kinds = strings != null ? EnumSet.of(Kind.STRING, Kind.NULL)
                    : schema.has("properties") ? EnumSet.of(Kind.OBJECT)
                    : schema.has("items") ? EnumSet.of(Kind.ARRAY) : EnumSet.allOf(Kind.class);
        } else {
            kinds = EnumSet.noneOf(Kind.class);
            for (JsonNode name : type.isArray() ? type : List.of(type)) {
                try {
                    kinds.add(Kind.valueOf(name.asText().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(path + ".type '" + name.asText() + "' is not a JSON Schema type");
                }
            }
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException(path + ".type names no type");
            }
        }
        if (schema.path("nullable").asBoolean(false)) {
            kinds.add(Kind.NULL); // OpenAPI 3.0's way of saying it
        }
        if (strings != null) {
            if (!EnumSet.of(Kind.STRING, Kind.NULL).containsAll(kinds)) {
                throw new IllegalArgumentException(path + ": enum and const are kept to for strings and null only");
            }
            EnumSet<Kind> listed = strings.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.of(Kind.STRING);
            if (enumNull) {
                listed.add(Kind.NULL);
            }
            kinds.retainAll(listed);
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException(path + ".enum allows no value of the type given");
            }
        }
        return kinds;
    }

    private static boolean allowsNull(JsonNode schema) {
        for (JsonNode value : schema.has("const") ? List.of(schema.get("const")) : schema.path("enum")) {
            if (value.isNull()) {
                return true;
            }
        }
        return false;
    }

    /** The strings an enum or const lists (null left out); null when the schema has neither. */
    private static List<String> strings(JsonNode schema, String path) {
        if (!schema.has("enum") && !schema.has("const")) {
            return null;
        }
        if (schema.has("enum") && (!schema.get("enum").isArray() || schema.get("enum").isEmpty())) {
            throw new IllegalArgumentException(path + ".enum must list at least one value");
        }
        List<String> strings = new ArrayList<>();
        for (JsonNode value : schema.has("const") ? List.of(schema.get("const")) : schema.get("enum")) {
            if (value.isTextual()) {
                strings.add(value.asText());
            } else if (!value.isNull()) {
                throw new IllegalArgumentException(path + ": enum and const are kept to for strings and null only");
            }
        }
        return strings;
    }

    /**
     * Reads what a string must be: its lengths, pattern and format; an enum keeps the values that meet them, each
     * JSON-encoded.
     */
    private static void stringRules(JsonShape shape, JsonNode schema, String path, List<String> listed) {
        shape.minLength = count(schema, "minLength", 0, path, shape.kinds, Kind.STRING, "a string's characters");
        shape.maxLength = count(schema, "maxLength", Integer.MAX_VALUE, path, shape.kinds, Kind.STRING,
                "a string's characters");
        if (shape.minLength > shape.maxLength) {
            throw new IllegalArgumentException(path + ".minLength is above maxLength");
        }
        if ((schema.has("pattern") || schema.has("format")) && !shape.kinds.contains(Kind.STRING)) {
            throw new IllegalArgumentException(path + ": pattern and format are given for a value that is not a string");
        }
        Automaton allowed = StringPatterns.of(schema, path, shape.minLength, shape.maxLength);
        if (listed == null) {
            shape.pattern = allowed == null ? null : new ByteRunAutomaton(allowed);
            return;
        }
        shape.strings = new ArrayList<>();
        for (String value : listed) {
            int length = value.codePointCount(0, value.length());
            if (length >= shape.minLength && length <= shape.maxLength && (allowed == null || Operations.run(allowed, value))) {
                shape.strings.add(encoded(value));
            }
        }
        if (shape.strings.isEmpty() && !listed.isEmpty()) {
            throw new IllegalArgumentException(path + ": no value of the enum meets the lengths, pattern and format");
        }
    }

    /** A string's content as it stands between the quotes of a JSON text, escaped the usual way. */
    private static byte[] encoded(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The shapes a value of this kind may take here (several for a union with more than one branch of the kind),
     * none when the shape has no room for it; NUMBER stands for integers too, since a value's first byte cannot tell
     * them apart.
     */
    List<JsonShape> branches(Kind kind) {
        if (kind == null) {
            return List.of();
        }
        if (branches != null) {
            return branches.getOrDefault(kind == Kind.INTEGER ? Kind.NUMBER : kind, List.of());
        }
        boolean allowed = kinds.contains(kind) || kind == Kind.NUMBER && kinds.contains(Kind.INTEGER);
        return allowed ? alone : List.of();
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

    /**
     * The keys the object cannot take next, having seen {@code seen}: properties come in the schema's order, as
     * OpenAI writes them (a reasoning field listed before an answer is written before it), so every key up to the
     * last one written, and every key past the first required one not yet written, which could never come after.
     */
    long keysTaken(long seen) {
        int next = 64 - Long.numberOfLeadingZeros(seen); // just past the last key written
        long notYet = required & ~seen & (next == 64 ? 0 : -1L << next);
        long upTo = notYet == 0 ? -1L : (Long.lowestOneBit(notYet) << 1) - 1; // keys up to the first required one left
        long allowed = (next == 64 ? 0 : -1L << next) & upTo;
        return ~allowed;
    }

    /** Whether the property at {@code index} picks the shape of another by its value. */
    boolean choosesBy(int index) {
        return index == chooser;
    }

    /** The shape of the property at {@code index}, given the index of the value the chooser took (-1: none yet). */
    JsonShape property(int index, int choice) {
        return index == chosen && choice >= 0 ? choices.get(choice) : property(index);
    }

    /** Whether an object that has seen {@code seen} properties may take another: one listed after the last written. */
    boolean roomFor(long seen) {
        return 64 - Long.numberOfLeadingZeros(seen) < propertyNames.size();
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

    /** Whether a string of this shape has lengths, a pattern or a format to keep to. */
    boolean stringRuled() {
        return pattern != null || minLength > 0 || maxLength < Integer.MAX_VALUE;
    }

    /** Fewest characters (code points) a string may have. */
    int minLength() {
        return minLength;
    }

    /** Most characters (code points) a string may have. */
    int maxLength() {
        return maxLength;
    }

    /** The minimum and maximum a number keeps to; null when there are none. */
    NumberBounds bounds() {
        return bounds;
    }

    /** What pattern and format allow, over UTF-8 bytes; null when neither is given. */
    ByteRunAutomaton pattern() {
        return pattern;
    }
}
