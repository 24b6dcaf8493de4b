package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The mask's shortcuts (first bytes, plain string text, leading spaces) mask exactly what trying every token does. */
class JsonConstraintTest {

    @Test
    void theMaskIsWhatTryingEveryTokenGivesAtEveryPointOfAnObject() throws Exception {
        maskMatchesTrying(JsonShape.ANY_OBJECT, " {\"headline\": \"Storm \\\"Ana\\\" hits \\ud83c\\udf0a\",\n\"tags\": [\"news\", 12.5e-1, true, null, {}],"
                + " \"ok\" : false}");
    }

    /** The same under a schema: listed keys, an enum, an integer. */
    @Test
    void underASchemaTheMaskIsWhatTryingEveryTokenGives() throws Exception {
        maskMatchesTrying(JsonShapeTest.shape(), "{\"headline\": \"Storm\", \"section\": \"sports\", \"tags\": [\"a\"], "
                + "\"score\": 12, \"draft\": true}");
    }

    /**
     * And where strings have lengths, a pattern or a format, numbers bounds, and values come through references and
     * anyOf.
     */
    @Test
    void whereStringsHaveRulesTheMaskIsWhatTryingEveryTokenGives() throws Exception {
        JsonShape shape = JsonShape.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"type": "object", "$defs": {"day": {"type": "string", "format": "date"}},
                 "properties": {"code": {"type": "string", "pattern": "^[A-Z]{2}-\\\\d+$", "maxLength": 6},
                                "when": {"$ref": "#/$defs/day"}, "note": {"anyOf": [{"type": "string", "minLength": 3,
                                "maxLength": 5}, {"type": "null"}]}, "count": {"type": "number", "minimum": -1.5,
                                "exclusiveMaximum": 12}}}"""));
        maskMatchesTrying(shape, "{\"code\": \"AB-12\", \"when\": \"2026-12-01\", \"note\": \"\\t\u00e9t\u00e9\", "
                + "\"count\": 11.25}");
    }

    /** And where one property's value picks the shape of another (a tool call's name, its arguments). */
    @Test
    void whereANamePicksTheArgumentsTheMaskIsWhatTryingEveryTokenGives() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonShape call = JsonShape.choosing("name", java.util.List.of("search", "weather"), "arguments", java.util.List.of(
                JsonShape.of(json.readTree("{\"type\": \"object\", \"properties\": {\"q\": {\"type\": \"string\"}}, "
                        + "\"required\": [\"q\"], \"additionalProperties\": false}")),
                JsonShape.of(json.readTree("{\"type\": \"object\", \"properties\": {\"city\": {\"enum\": [\"Oslo\"]}}}"))));
        maskMatchesTrying(call, "{\"name\": \"weather\", \"arguments\": {\"city\": \"Oslo\"}}");
        maskMatchesTrying(JsonShape.arrayOf(call, 1, 2), "[{\"name\":\"search\",\"arguments\":{\"q\":\"x\"}}]");
    }

    /**
     * And where a union has branches of one kind, followed side by side: the mask is what trying every token on each
     * way of writing the schema without the unions gives (a token fits when it fits one of them).
     */
    @Test
    void whereUnionBranchesShareAKindTheMaskIsWhatTryingEachBranchGives() throws Exception {
        String photo = "{\"type\": \"object\", \"properties\": {\"kind\": {\"const\": \"photo\"}, \"caption\": "
                + "{\"type\": \"string\", \"maxLength\": 8}}, \"required\": [\"kind\"]}";
        String media = "{\"type\": \"object\", \"properties\": {\"kind\": {\"enum\": [\"photo\", \"video\"]}, "
                + "\"caption\": {\"type\": \"string\", \"pattern\": \"^[a-z ]*$\"}}}";
        String small = "{\"type\": \"integer\", \"maximum\": 5}";
        String large = "{\"type\": \"number\", \"minimum\": 90}";
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.function.BiFunction<String, String, String> schema = (item, n) -> "{\"type\": \"object\", "
                + "\"properties\": {\"item\": " + item + ", \"n\": " + n + "}}";
        JsonShape union = JsonShape.of(json.readTree(schema.apply("{\"anyOf\": [" + photo + ", " + media + "]}",
                "{\"anyOf\": [" + small + ", " + large + "]}")));
        java.util.List<JsonShape> each = new java.util.ArrayList<>();
        for (String item : new String[] {photo, media}) {
            for (String n : new String[] {small, large}) {
                each.add(JsonShape.of(json.readTree(schema.apply(item, n))));
            }
        }
        maskMatchesTrying(union, each, "{\"item\": {\"kind\": \"photo\", \"caption\": \"red sky\"}, \"n\": 97.5}");
        maskMatchesTrying(union, each, "{\"item\": {\"kind\": \"photo\", \"caption\": \"\\t\u00e9\"}, \"n\": 4}");
    }

    private void maskMatchesTrying(JsonShape shape, String json) throws Exception {
        maskMatchesTrying(shape, java.util.List.of(shape), json);
    }

    private void maskMatchesTrying(JsonShape shape, java.util.List<JsonShape> each, String json) throws Exception {
        Path folder = Path.of(getClass().getResource("/models/tiny-qwen2/config.json").toURI()).getParent();
        TokenBytes vocabulary = TokenBytes.load(folder.resolve("tokenizer.json")).orElseThrow();
        int size = 520; // a little beyond the vocabulary, as a model's logits can be
        int[] singleByte = new int[256];
        Arrays.fill(singleByte, -1);
        for (int id = 0; id < size; id++) {
            byte[] bytes = vocabulary.of(id);
            if (bytes != null && bytes.length == 1) {
                singleByte[bytes[0] & 0xff] = id;
            }
        }
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        JsonConstraint constraint = new JsonConstraint(vocabulary, shape);
        java.util.List<JsonPrefix> sofar = new java.util.ArrayList<>(each.stream().map(JsonPrefix::new).toList());
        int checkedPoints = 0;
        for (int at = 0; at <= text.length; at++) {
            float[] logits = new float[size];
            boolean any = constraint.mask(logits);
            int fitting = 0;
            for (int id = 0; id < size; id++) {
                byte[] token = vocabulary.of(id);
                boolean expected = sofar.stream().anyMatch(prefix -> fitsByTrying(prefix, token));
                assertThat(logits[id] == 0f).as("token %d after %d bytes of %s", id, at, json).isEqualTo(expected);
                fitting += expected ? 1 : 0;
            }
            assertThat(any).isEqualTo(fitting > 0);
            checkedPoints++;
            if (at < text.length) {
                int id = singleByte[text[at] & 0xff];
                assertThat(constraint.allows(id)).isTrue();
                constraint.accept(id);
                int b = text[at] & 0xff;
                sofar.removeIf(prefix -> !prefix.accept(b));
            }
        }
        assertThat(constraint.complete()).isTrue();
        assertThat(checkedPoints).isEqualTo(text.length + 1);
    }

    private static boolean fitsByTrying(JsonPrefix sofar, byte[] token) {
        if (token == null || token.length == 0) {
            return false;
        }
        JsonPrefix trial = new JsonPrefix(JsonShape.ANY_OBJECT);
        trial.copyFrom(sofar);
        for (byte b : token) {
            if (!trial.accept(b & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
