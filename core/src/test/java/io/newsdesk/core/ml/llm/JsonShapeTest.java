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
    void objectsOfTheSchemaAreTakenWholeInAnyOrderOfProperties() throws Exception {
        for (String json : new String[] {
            "{\"headline\": \"Storm hits\", \"section\": \"news\", \"tags\": [\"weather\", \"coast\"], \"score\": -3, "
                    + "\"weight\": 2.5e1, \"draft\": false, \"note\": null, \"extra\": {\"any\": [1, {\"thing\": true}]}}",
            "{\"section\":\"sports\",\"headline\":\"\"}",
            "{\"section\": \"new\\\"s\", \"note\": \"a note\", \"headline\": \"x\"}"}) {
            assertThat(refusedAt(json)).as(json).isEqualTo(-1);
            assertThat(completes(json)).as(json).isTrue();
        }
    }

    @Test
    void whatTheSchemaDoesNotAllowIsRefusedAtItsFirstByte() throws Exception {
        assertThat(refusedAt("{\"title\": \"x\"}")).as("no such property (tags shares the t)").isEqualTo(3);
        assertThat(refusedAt("{\"headline\": \"a\", \"headline\"")).as("a property twice").isEqualTo(19);
        assertThat(refusedAt("{\"headline\": \"a\"}")).as("section is required").isEqualTo(16);
        assertThat(refusedAt("{\"section\": \"newz\"")).as("not in the enum").isEqualTo(16);
        assertThat(refusedAt("{\"section\": \"new\"")).as("a prefix of enum values, not one").isEqualTo(16);
        assertThat(refusedAt("{\"score\": 3.5")).as("an integer").isEqualTo(11);
        assertThat(refusedAt("{\"score\": 3e2")).as("an integer").isEqualTo(11);
        assertThat(refusedAt("{\"score\": \"3\"")).as("not a string").isEqualTo(10);
        assertThat(refusedAt("{\"draft\": 1")).isEqualTo(10);
        assertThat(refusedAt("{\"tags\": [\"a\", 1")).as("items are strings").isEqualTo(15);
        assertThat(refusedAt("{\"headline\": null")).as("not nullable").isEqualTo(13);
        String everything = "{\"headline\":\"h\",\"section\":\"news\",\"tags\":[],\"score\":1,\"weight\":1,\"draft\":true,"
                + "\"note\":null,\"extra\":{}";
        assertThat(refusedAt(everything + ",")).as("no property left to add").isEqualTo(everything.length());
        assertThat(refusedAt(everything + "}")).isEqualTo(-1);
    }

    @Test
    void keywordsThatCannotBeKeptToAreRefusedNotIgnored() {
        for (String schema : new String[] {
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"^a\"}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"anyOf\": [{\"type\": \"string\"}]}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"$ref\": \"#/defs/a\"}}}",
            "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"maxLength\": 9}}}",
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
        JsonPrefix prefix = new JsonPrefix(shape);
        for (int i = 0; i < bytes.length; i++) {
            if (!prefix.accept(bytes[i] & 0xff)) {
                return i;
            }
        }
        return -1;
    }
}
