package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Structured outputs: a schema's shape takes the objects it describes and refuses, at the first byte, what it does not. */
class JsonShapeTest {

    static final String SCHEMA = """
            {"type": "object", "additionalProperties": false, "required": ["headline", "section"], "properties": {
              "headline": {"type": "string", "description": "at most 90 characters"},
              "section": {"enum": ["news", "sports", "new\\"s"]},
              "tags": {"type": "array", "items": {"type": "string"}},
              "score": {"type": "integer"},
              "weight": {"type": "number"},
              "draft": {"type": "boolean"},
              "note": {"type": ["string", "null"]},
              "extra": {"type": "object"}}}""";

    static JsonShape shape() throws Exception {
        return JsonShape.of(new ObjectMapper().readTree(SCHEMA));
    }

    @Test
    void objectsOfTheSchemaAreTakenWholeWithTheirPropertiesInTheSchemasOrder() throws Exception {
        for (String json : new String[] {
            "{\"headline\": \"Storm hits\", \"section\": \"news\", \"tags\": [\"weather\", \"coast\"], \"score\": -3, "
                    + "\"weight\": 2.5e1, \"draft\": false, \"note\": null, \"extra\": {\"any\": [1, {\"thing\": true}]}}",
            "{\"headline\":\"\",\"section\":\"sports\"}",
            "{\"headline\": \"x\", \"section\": \"new\\\"s\", \"note\": \"a note\"}"}) {
            assertThat(refusedAt(json)).as(json).isEqualTo(-1);
            assertThat(completes(json)).as(json).isTrue();
        }
        assertThat(refusedAt("{\"section\"")).as("headline comes first").isEqualTo(2);
        assertThat(refusedAt("{\"headline\":\"h\",\"note\"")).as("not past section, required and not yet written")
                .isEqualTo(17);
        String bothRequired = "{\"headline\":\"h\",\"section\":\"news\",";
        assertThat(refusedAt(bothRequired + "\"draft\":true,\"tags\"")).as("tags is listed before draft")
                .isEqualTo(bothRequired.length() + 14);
        assertThat(refusedAt(bothRequired + "\"draft\":true,\"note\":null}")).isEqualTo(-1);
    }

    @Test
    void whatTheSchemaDoesNotAllowIsRefusedAtItsFirstByte() throws Exception {
        String start = "{\"headline\":\"h\",\"section\":\"news\",";
        assertThat(refusedAt(start + "\"title\": \"x\"}")).as("no such property (tags shares the t)")
                .isEqualTo(start.length() + 2);
        assertThat(refusedAt("{\"headline\": \"a\", \"headline\"")).as("a property twice").isEqualTo(19);
        assertThat(refusedAt("{\"headline\": \"a\"}")).as("section is required").isEqualTo(16);
        String first = "{\"headline\":\"h\",";
        assertThat(refusedAt(first + "\"section\": \"newz\"")).as("not in the enum").isEqualTo(first.length() + 15);
        assertThat(refusedAt(first + "\"section\": \"new\"")).as("a prefix of enum values, not one")
                .isEqualTo(first.length() + 15);
        assertThat(refusedAt(start + "\"score\": 3.5")).as("an integer").isEqualTo(start.length() + 10);
        assertThat(refusedAt(start + "\"score\": 3e2")).as("an integer").isEqualTo(start.length() + 10);
        assertThat(refusedAt(start + "\"score\": \"3\"")).as("not a string").isEqualTo(start.length() + 9);
        assertThat(refusedAt(start + "\"draft\": 1")).isEqualTo(start.length() + 9);
        assertThat(refusedAt(start + "\"tags\": [\"a\", 1")).as("items are strings").isEqualTo(start.length() + 14);
        assertThat(refusedAt("{\"headline\": null")).as("not nullable").isEqualTo(13);
        String everything = "{\"headline\":\"h\",\"section\":\"news\",\"tags\":[],\"score\":1,\"weight\":1,\"draft\":true,"
                + "\"note\":null,\"extra\":{}";
        assertThat(refusedAt(everything + ",")).as("no property left to add").isEqualTo(everything.length());
        assertThat(refusedAt(everything + "}")).isEqualTo(-1);
    }

    @Test
    void keywordsThatCannotBeKeptToAreRefusedNotIgnored() {
        for (String schema : new String[] {
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"(?=a)\"}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\", \"pattern\": \"1\"}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\", \"multipleOf\": 0}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\", \"not\": {\"const\": 3}}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"minLength\": 3, \"maxLength\": 2}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"enum\": [\"ab\"], \"pattern\": \"c\"}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"anyOf\": [" + "{\"type\": \"object\"}, ".repeat(9)
                    + "{\"type\": \"null\"}]}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/defs/a\"}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"https://example.com/a.json\"}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/b\"}}, \"$defs\": {\"b\": {\"$ref\": \"#/$defs/a\"}, "
                    + "\"a\": {\"$ref\": \"#/$defs/b\"}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/$defs/a\"}}, \"$defs\": {\"a\": {\"anyOf\": "
                    + "[{\"$ref\": \"#/$defs/a\"}, {\"type\": \"null\"}]}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"$ref\": \"#/properties/b\"}, \"b\": {}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"allOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}]}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\", \"enum\": [\"x\"]}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"enum\": [1, 2]}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"strin\"}}}",
            "{\"type\": \"object\", \"properties\": {}, \"required\": [\"b\"]}",
            "{\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}}",
            "{\"type\": \"string\", \"properties\": {}}"}) {
            assertThatThrownBy(() -> JsonShape.of(new ObjectMapper().readTree(schema))).as(schema)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schema");
        }
    }

    @Test
    void aSchemaListsAtMostAThousandEnumValuesInAll() throws Exception {
        String values = java.util.stream.IntStream.range(0, 600).mapToObj(i -> "\"v" + i + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        String one = "{\"type\": \"object\", \"properties\": {\"a\": {\"enum\": [" + values + "]}}}";
        assertThat(JsonShape.of(new ObjectMapper().readTree(one)).admits("{\"a\":\"v599\"}")).isTrue();
        String two = "{\"type\": \"object\", \"properties\": {\"a\": {\"enum\": [" + values + "]}, \"b\": {\"enum\": ["
                + values + "]}}}";
        assertThatThrownBy(() -> JsonShape.of(new ObjectMapper().readTree(two))).hasMessageContaining("at most 1000 enum values");
    }

    @Test
    void anArrayKeepsBetweenItsMinimumAndMaximumOfItems() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"properties\": {\"tags\": "
                + "{\"type\": \"array\", \"minItems\": 1, \"maxItems\": 2, \"items\": {\"type\": \"array\", \"maxItems\": 0}}}}"));
        assertThat(refusedAt(shape, "{\"tags\": []")).as("at least one").isEqualTo(10);
        assertThat(refusedAt(shape, "{\"tags\": [[], []]}")).isEqualTo(-1);
        assertThat(refusedAt(shape, "{\"tags\": [[], [], []]}")).as("at most two").isEqualTo(16);
        assertThat(refusedAt(shape, "{\"tags\": [[1]]}")).as("an inner array with no room").isEqualTo(11);
        for (String bad : new String[] {"{\"type\": \"array\", \"minItems\": 3, \"maxItems\": 2}",
            "{\"type\": \"array\", \"maxItems\": -1}", "{\"type\": \"array\", \"maxItems\": 1.5}",
            "{\"type\": \"string\", \"maxItems\": 1}"}) {
            assertThatThrownBy(() -> JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"properties\": "
                    + "{\"a\": " + bad + "}}"))).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Items");
        }
    }

    /** What the OpenAI Java SDK derives from a class: shared definitions and a nullable object that recurs. */
    @Test
    void referencesReachDefinitionsAndMayRecur() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("""
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "$defs": {"Tag": {"type": "object", "properties": {"name": {"type": "string"}, "score": {"type": "number"}},
                                   "required": ["name", "score"], "additionalProperties": false},
                           "Node": {"type": ["object", "null"], "properties": {"name": {"type": "string"},
                                    "parent": {"$ref": "#/$defs/Node"}}, "required": ["name", "parent"],
                                    "additionalProperties": false}},
                 "properties": {"main": {"$ref": "#/$defs/Tag"}, "tags": {"type": "array", "items": {"$ref": "#/$defs/Tag"}},
                                "node": {"$ref": "#/$defs/Node", "description": "where it sits"}},
                 "required": ["main", "tags", "node"], "additionalProperties": false}"""));
        String json = "{\"main\":{\"name\":\"a\",\"score\":1},\"tags\":[{\"name\":\"b\",\"score\":2}],"
                + "\"node\":{\"name\":\"c\",\"parent\":{\"name\":\"d\",\"parent\":null}}}";
        assertThat(refusedAt(shape, json)).isEqualTo(-1);
        assertThat(refusedAt(shape, "{\"main\":{\"name\":\"a\",\"rank\"")).as("Tag's properties only").isEqualTo(21);
        String main = "{\"main\":{\"name\":\"a\",\"score\":1},";
        String unscored = main + "\"tags\":[{\"name\":\"a\"}";
        assertThat(refusedAt(shape, unscored)).as("Tag requires score").isEqualTo(unscored.length() - 1);
        String recurring = main + "\"tags\":[],\"node\":{\"name\":\"c\",\"parent\":{\"name\":\"e\",\"parent\":3";
        assertThat(refusedAt(shape, recurring)).as("the recurring object is the same shape").isEqualTo(recurring.length() - 1);
        assertThat(refusedAt(shape, "{\"main\":null")).as("Tag is not nullable").isEqualTo(8);

        JsonShape self = JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"properties\": {\"kids\": "
                + "{\"type\": \"array\", \"items\": {\"$ref\": \"#\"}}}, \"additionalProperties\": false}"));
        assertThat(refusedAt(self, "{\"kids\":[{\"kids\":[]},{\"kids\":[{}]}]}")).isEqualTo(-1);
        assertThat(refusedAt(self, "{\"kids\":[{\"kid\"")).isEqualTo(14);
    }

    @Test
    void anyOfTakesTheBranchTheFirstByteNames() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("""
                {"type": "object", "properties": {
                  "a": {"anyOf": [{"type": "object", "properties": {"x": {"type": "integer"}}}, {"type": "null"},
                                  {"enum": ["one", "two"]}]},
                  "b": {"oneOf": [{"type": "array", "items": {"type": "boolean"}}, {"type": "integer"}]},
                  "c": {"enum": ["low", null]},
                  "d": {"allOf": [{"type": "string"}]},
                  "e": {"type": "string", "nullable": true}}}"""));
        for (String json : new String[] {"{\"a\":{\"x\":1}}", "{\"a\":null}", "{\"a\":\"two\"}", "{\"b\":[true]}",
            "{\"b\":-4}", "{\"c\":null}", "{\"c\":\"low\"}", "{\"d\":\"s\"}", "{\"e\":null}", "{\"e\":\"s\"}"}) {
            assertThat(refusedAt(shape, json)).as(json).isEqualTo(-1);
        }
        assertThat(refusedAt(shape, "{\"a\":{\"x\":1.5")).as("the object branch's integer").isEqualTo(11);
        assertThat(refusedAt(shape, "{\"a\":\"three\"")).as("the enum branch").isEqualTo(7);
        assertThat(refusedAt(shape, "{\"a\":[")).as("no array branch").isEqualTo(5);
        assertThat(refusedAt(shape, "{\"b\":[1")).as("the array branch's items").isEqualTo(6);
        assertThat(refusedAt(shape, "{\"b\":2.5")).as("the integer branch").isEqualTo(6);
        assertThat(refusedAt(shape, "{\"c\":\"high\"")).isEqualTo(6);
        assertThat(refusedAt(shape, "{\"d\":null")).isEqualTo(5);
    }

    static final String MEDIA = """
            {"type": "object", "properties": {
              "media": {"type": "array", "items": {"anyOf": [
                {"type": "object", "properties": {"kind": {"const": "photo"}, "width": {"type": "integer", "minimum": 1}},
                 "required": ["kind", "width"], "additionalProperties": false},
                {"type": "object", "properties": {"kind": {"const": "video"}, "seconds": {"type": "number",
                 "maximum": 600}}, "required": ["kind", "seconds"], "additionalProperties": false}]}},
              "score": {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 5}, {"type": "number", "minimum": 90}]},
              "label": {"anyOf": [{"enum": ["breaking"]}, {"type": "string", "pattern": "^#[a-z]+$"}]}}}""";

    @Test
    void aUnionFollowsEachBranchOfAKindUntilTheTextRulesItOut() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree(MEDIA));
        for (String json : new String[] {"{\"media\":[{\"kind\":\"photo\",\"width\":640},{\"kind\":\"video\",\"seconds\":12.5}]}",
            "{\"media\":[{\"kind\":\"video\",\"seconds\":600}]}", "{\"score\":3}", "{\"score\":97.5}",
            "{\"label\":\"breaking\"}", "{\"label\":\"#storm\"}"}) {
            assertThat(shape.admits(json)).as(json).isTrue();
        }
        assertThat(refusedAt(shape, "{\"media\":[{\"kind\":\"photo\",\"seconds\"")).as("a video's key in a photo").isEqualTo(27);
        assertThat(refusedAt(shape, "{\"media\":[{\"width\"")).as("kind comes first in both").isEqualTo(12);
        assertThat(refusedAt(shape, "{\"media\":[{\"kind\":\"photo\"}")).as("a photo needs its width").isEqualTo(25);
        assertThat(refusedAt(shape, "{\"media\":[{\"kind\":\"video\",\"seconds\":601")).as("over the maximum").isEqualTo(38);
        assertThat(refusedAt(shape, "{\"score\":7}")).as("7 could begin 70; it is neither").isEqualTo(10);
        assertThat(refusedAt(shape, "{\"score\":4.")).as("no fraction in the integer, 4. under 90").isEqualTo(10);
        assertThat(refusedAt(shape, "{\"label\":\"#Storm")).isEqualTo(11);
        assertThat(refusedAt(shape, "{\"label\":\"break\"")).isEqualTo(15);
    }

    @Test
    void readingsOfAValueBothBranchesTakeBecomeOneWhenItCloses() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("""
                {"type": "object", "properties": {"items": {"type": "array", "items": {"anyOf": [
                  {"type": "object", "properties": {"a": {"type": "string"}}},
                  {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}}]}}}}"""));
        JsonReadings readings = new JsonReadings(shape);
        String open = "{\"items\":[{\"a\":\"x\"";
        for (byte b : open.getBytes(StandardCharsets.UTF_8)) {
            assertThat(readings.accept(b)).isTrue();
        }
        assertThat(readings.count()).as("either object, so far").isEqualTo(2);
        assertThat(readings.accept('}')).isTrue();
        assertThat(readings.count()).as("once the object closes, where it came from no longer matters").isEqualTo(1);
        for (byte b : ",{\"b\":1}]}".getBytes(StandardCharsets.UTF_8)) {
            assertThat(readings.accept(b)).isTrue();
        }
        assertThat(readings.complete()).isTrue();
        assertThat(shape.admits("{\"items\":[{\"a\":\"x\",\"b\":1,\"c\":2}]}")).isFalse();
    }

    @Test
    void readingsAreCappedWhereUnionsNestInUnions() throws Exception {
        String inner = "{\"anyOf\": [" + String.join(", ", java.util.Collections.nCopies(8,
                "{\"type\": \"object\", \"properties\": {\"v\": {\"type\": \"integer\"}}}")) + "]}";
        String outer = "{\"type\": \"object\", \"properties\": {\"x\": {\"anyOf\": [" + String.join(", ",
                java.util.Collections.nCopies(8, "{\"type\": \"object\", \"properties\": {\"y\": " + inner + "}}")) + "]}}}";
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree(outer));
        JsonReadings readings = new JsonReadings(shape);
        int most = 0;
        for (byte b : "{\"x\":{\"y\":{\"v\":1}}}".getBytes(StandardCharsets.UTF_8)) {
            assertThat(readings.accept(b)).isTrue();
            most = Math.max(most, readings.count());
        }
        assertThat(most).isEqualTo(JsonReadings.MAX_READINGS);
        assertThat(readings.complete()).isTrue();
    }

    @Test
    void stringsKeepToTheirLengthsPatternAndFormat() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("""
                {"type": "object", "properties": {
                  "slug": {"type": "string", "minLength": 2, "maxLength": 4},
                  "code": {"type": "string", "pattern": "^[A-Z]{2}\\\\d$"},
                  "day": {"type": "string", "format": "date"},
                  "desk": {"enum": ["news", "sport", "weather"], "maxLength": 5}}}"""));
        for (String json : new String[] {"{\"slug\":\"ab\"}", "{\"slug\":\"\u00e9t\u00e9s\"}", "{\"slug\":\"a\\nb\"}",
            "{\"code\":\"AB1\"}", "{\"day\":\"2026-12-01\"}", "{\"desk\":\"sport\"}"}) {
            assertThat(refusedAt(shape, json)).as(json).isEqualTo(-1);
        }
        assertThat(refusedAt(shape, "{\"slug\":\"a\"")).as("too short to close").isEqualTo(10);
        assertThat(refusedAt(shape, "{\"slug\":\"abcde")).as("a fifth character").isEqualTo(13);
        assertThat(refusedAt(shape, "{\"slug\":\"abcd\\n")).as("an escaped fifth character").isEqualTo(13);
        assertThat(refusedAt(shape, "{\"slug\":\"\\u00e9\"")).as("no \\u escapes where characters count").isEqualTo(10);
        assertThat(refusedAt(shape, "{\"code\":\"\\")).as("no one-letter escape fits [A-Z]").isEqualTo(9);
        assertThat(refusedAt(shape, "{\"code\":\"Ab")).isEqualTo(10);
        assertThat(refusedAt(shape, "{\"code\":\"AB\"")).as("the pattern is not met yet").isEqualTo(11);
        assertThat(refusedAt(shape, "{\"code\":\"AB12")).isEqualTo(12);
        assertThat(refusedAt(shape, "{\"day\":\"2026-13")).isEqualTo(14);
        assertThat(refusedAt(shape, "{\"desk\":\"weather\"")).as("the enum keeps what fits maxLength").isEqualTo(9);
    }

    /** Strings are well-formed UTF-8 (RFC 8259), and a character of several bytes counts once against maxLength. */
    @Test
    void stringsAreWellFormedUtf8() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"properties\": {"
                + "\"free\": {\"type\": \"string\"}, \"short\": {\"type\": \"string\", \"maxLength\": 2}}}"));
        assertThat(refusedAt(shape, "{\"free\":\"\u00e9\ud83d\ude00\u4e2d\"}")).isEqualTo(-1);
        assertThat(refusedAt(shape, "{\"short\":\"\u00e9\ud83d\ude00\"}")).isEqualTo(-1);
        assertThat(refusedAt(shape, "{\"short\":\"\u00e9\ud83d\ude00\u00e9")).as("a third character").isEqualTo(16);
        byte[] start = "{\"free\":\"".getBytes(StandardCharsets.UTF_8);
        for (int[] bad : new int[][] {{0x80}, {0xc0, 0x80}, {0xc3, '"'}, {0xed, 0xa0, 0x80}, {0xf4, 0x90}, {0xf5}, {0xe0, 0x80}}) {
            JsonPrefix prefix = new JsonPrefix(shape);
            for (byte b : start) {
                prefix.accept(b & 0xff);
            }
            boolean all = true;
            for (int b : bad) {
                all &= prefix.accept(b);
            }
            assertThat(all).as(java.util.Arrays.toString(bad)).isFalse();
        }
        JsonPrefix halfway = new JsonPrefix(shape);
        for (byte b : "{\"free\":\"\u00e9".getBytes(StandardCharsets.UTF_8)) {
            halfway.accept(b & 0xff);
        }
        halfway.accept(0xe4);
        assertThat(halfway.inString()).as("mid-character, only its continuation fits").isFalse();
    }

    @Test
    void anObjectWithNoPropertiesAllowedIsEmpty() throws Exception {
        JsonShape empty = JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"additionalProperties\": false}"));
        JsonPrefix prefix = new JsonPrefix(empty);
        assertThat(prefix.accept('{')).isTrue();
        JsonPrefix key = new JsonPrefix(empty);
        key.copyFrom(prefix);
        assertThat(key.accept('"')).as("no key can begin").isFalse();
        assertThat(prefix.accept('}')).isTrue();
        assertThat(prefix.complete()).isTrue();
    }

    private static boolean completes(String json) throws Exception {
        JsonPrefix prefix = new JsonPrefix(shape());
        for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
            prefix.accept(b & 0xff);
        }
        return prefix.complete();
    }

    private static int refusedAt(String json) throws Exception {
        return refusedAt(shape(), json);
    }

    private static int refusedAt(JsonShape shape, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonReadings prefix = new JsonReadings(shape);
        for (int i = 0; i < bytes.length; i++) {
            if (!prefix.accept(bytes[i] & 0xff)) {
                return i;
            }
        }
        return -1;
    }
}
