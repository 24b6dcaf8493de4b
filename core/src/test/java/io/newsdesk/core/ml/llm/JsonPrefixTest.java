package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The JSON-mode grammar agrees with Jackson, a strict parser, on whole texts and rejects at the first bad byte. */
class JsonPrefixTest {

    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private static final String[] OBJECTS = {
        "{}",
        "{\"a\":1}",
        " {\"headline\": \"Storm \\\"Ana\\\" hits\", \"tags\": [\"weather\", \"news\"], \"score\": -0.25e+2}",
        "{\"a\":[1,2,{\"b\":[true,false,null,[]]}],\"é\":\"ü\\u00e9\\n\",\"c\":0,\"d\":10.5E-3}",
        "{\n\"nested\": {\"deeper\": {\"deepest\": [ 1 , 2 ]}}\n}",
    };

    @Test
    void wholeObjectsAreTakenAndCompleteOnlyAtTheirLastByte() {
        for (String json : OBJECTS) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            JsonPrefix prefix = new JsonPrefix();
            for (int i = 0; i < bytes.length; i++) {
                assertThat(prefix.accept(bytes[i] & 0xff)).as("%s at %d", json, i).isTrue();
                assertThat(prefix.complete()).as("%s complete at %d", json, i).isEqualTo(i == bytes.length - 1);
            }
            assertThat(prefix.accept(' ')).as("nothing follows the object").isFalse();
        }
    }

    @Test
    void theFirstByteThatCannotContinueAnObjectIsRefused() {
        assertThat(refusedAt("[1]")).isZero();
        assertThat(refusedAt("\"text\"")).isZero();
        assertThat(refusedAt("{\"a\":01}")).isEqualTo(6);
        assertThat(refusedAt("{\"a\":1,}")).isEqualTo(7);
        assertThat(refusedAt("{a:1}")).isEqualTo(1);
        assertThat(refusedAt("{\"a\" 1}")).isEqualTo(5);
        assertThat(refusedAt("{\"a\":tru}")).isEqualTo(8);
        assertThat(refusedAt("{\"a\":\"\\q\"}")).isEqualTo(7);
        assertThat(refusedAt("{\"a\":\"\\u12g4\"}")).isEqualTo(10);
        assertThat(refusedAt("{\"a\":\"line\nbreak\"}")).isEqualTo(10);
        assertThat(refusedAt("{\"a\":-}")).isEqualTo(6);
        assertThat(refusedAt("{\"a\":1.}")).isEqualTo(7);
        assertThat(refusedAt("{\"a\":[1 2]}")).isEqualTo(8);
        assertThat(refusedAt("{\"a\":1]")).isEqualTo(6);
        assertThat(refusedAt("{" + " ".repeat(JsonPrefix.MAX_WHITESPACE + 1) + "}")).isEqualTo(JsonPrefix.MAX_WHITESPACE + 1);
        String deep = "{\"a\":" + "[".repeat(JsonPrefix.MAX_DEPTH);
        assertThat(refusedAt(deep)).isEqualTo(deep.length() - 1);
    }

    /**
     * Thousands of objects mutated at random (a character dropped, doubled or replaced by one from JSON's syntax):
     * the grammar takes a whole text and closes the object exactly when Jackson reads it as one object (texts with
     * more than one whitespace byte in a row left out: the grammar refuses that layout on purpose).
     */
    @Test
    void onMutatedTextsTheGrammarAgreesWithAStrictParser() {
        Random random = new Random(12);
        String alphabet = "{}[]:,\"\\ -+.eE0123456789tfnulrsaxu";
        int agreedValid = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder text = new StringBuilder(OBJECTS[random.nextInt(OBJECTS.length)]);
            for (int edits = 1 + random.nextInt(2); edits > 0 && text.length() > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, text.charAt(at));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String json = text.toString();
            if (json.matches("(?s).*\\s\\s.*")) {
                continue; // layout the grammar refuses on purpose and JSON allows
            }
            boolean grammar = refusedAt(json) < 0 && completes(json);
            boolean jackson = parsesAsObject(json);
            assertThat(grammar).as("grammar vs Jackson on %s", json).isEqualTo(jackson);
            agreedValid += jackson ? 1 : 0;
        }
        assertThat(agreedValid).as("some mutations stay valid JSON").isGreaterThan(100);
    }

    private static boolean parsesAsObject(String json) {
        try {
            JsonNode node = STRICT.readTree(json);
            return node != null && node.isObject();
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean completes(String json) {
        JsonPrefix prefix = new JsonPrefix();
        for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
            prefix.accept(b & 0xff);
        }
        return prefix.complete();
    }

    /** Index of the first byte refused; -1 when every byte is taken. */
    /** Escapes spell UTF-16 code units: a surrogate pair is one character; either half alone is none, and refused. */
    @Test
    void escapedSurrogatesComeInPairs() throws Exception {
        String pairs = "{\"a\":\"\\ud83d\\ude00\",\"\\uD83D\\uDE00\":\"\\ud7ff\\ue000\"}";
        assertThat(refusedAt(pairs)).isEqualTo(-1);
        assertThat(STRICT.readTree(pairs).path("a").asText()).isEqualTo("\ud83d\ude00");
        assertThat(refusedAt("{\"a\":\"\\ud83d\"")).as("a high surrogate alone").isEqualTo(12);
        assertThat(refusedAt("{\"a\":\"\\ud83dx")).isEqualTo(12);
        assertThat(refusedAt("{\"a\":\"\\ud83d\\n")).as("another escape").isEqualTo(13);
        assertThat(refusedAt("{\"a\":\"\\ud83d\\u0041")).as("not a surrogate, from its first digit").isEqualTo(14);
        assertThat(refusedAt("{\"a\":\"\\ud83d\\uda00")).as("a second high surrogate").isEqualTo(15);
        assertThat(refusedAt("{\"a\":\"\\ude00")).as("a low surrogate alone").isEqualTo(9);
    }

    private static int refusedAt(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        JsonPrefix prefix = new JsonPrefix();
        for (int i = 0; i < bytes.length; i++) {
            if (!prefix.accept(bytes[i] & 0xff)) {
                return i;
            }
        }
        return -1;
    }
}
