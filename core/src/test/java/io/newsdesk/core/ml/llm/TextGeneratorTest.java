package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Text in, text out on the tiny Llama fixture: tokenizer, decoding strategies, stops, streaming, cancellation. */
class TextGeneratorTest {

    static CausalLm model;
    static LmTokenizer tokenizer;
    static JsonNode golden;
    static TextGenerator generator;

    @BeforeAll
    static void load() throws Exception {
        Path folder = Path.of(TextGeneratorTest.class.getResource("/models/tiny-llama/config.json").toURI()).getParent();
        model = CausalLm.load(folder);
        tokenizer = LmTokenizer.load(folder);
        golden = new ObjectMapper().readTree(Files.readString(folder.resolve("golden.json")));
        generator = new TextGenerator(model, tokenizer);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
        model.close();
    }

    @Test
    void theTokenizerAndGreedyDecodingReproduceTheReferenceTextAndIds() {
        for (JsonNode c : golden.get("cases")) {
            int[] ids = tokenizer.encode(c.get("prompt").asText());
            assertThat(ids).containsExactly(ints(c.get("input_ids")));
            var generation = generator.generate(c.get("prompt").asText(), GenerationOptions.greedy(24));
            assertThat(generation.completionTokens()).isEqualTo(24);
            assertThat(generation.finishReason()).isEqualTo(TextGenerator.FinishReason.LENGTH);
            assertThat(generation.text()).isEqualTo(tokenizer.decode(ints(c.get("greedy_new_ids"))));
        }
    }

    @Test
    void onePrefilledPromptServesSeveralAnswersEachAsIfItsPromptHadBeenRunAlone() {
        int[] prompt = tokenizer.encode(golden.get("cases").get(1).get("prompt").asText());
        var greedy = GenerationOptions.greedy(24);
        var sampled = new GenerationOptions(24, 1.0, 0, 0.9, 1, 42, List.of(), List.of());
        String greedyAlone = generator.generate(prompt, greedy, p -> { }, () -> false).text();
        String sampledAlone = generator.generate(prompt, sampled, p -> { }, () -> false).text();
        int held = model.arraysHeld();
        try (TextGenerator.Prefilled prefilled = generator.prefill(prompt, 4)) {
            for (int round = 0; round < 2; round++) {
                assertThat(generator.generate(prefilled, sampled, p -> { }, null, () -> false).text()).isEqualTo(sampledAlone);
                assertThat(generator.generate(prefilled, greedy, p -> { }, null, () -> false).text()).isEqualTo(greedyAlone);
            }
            assertThatThrownBy(() -> generator.generate(prefilled, greedy, p -> { }, null, () -> false))
                    .hasMessageContaining("every answer");
        }
        try (TextGenerator.Prefilled unused = generator.prefill(prompt, 3)) {
            generator.generate(unused, greedy, p -> { }, null, () -> false); // the other two never come
        }
        assertThat(model.arraysHeld()).as("the prompt's cache and every answer's copy freed").isEqualTo(held);
        assertThatThrownBy(() -> generator.prefill(new int[0], 1)).hasMessageContaining("no tokens");
    }

    @Test
    void samplingIsReproducibleForASeedAndTopKOfOneIsGreedy() {
        String prompt = golden.get("cases").get(0).get("prompt").asText();
        var sampled = new GenerationOptions(24, 1.0, 0, 0.9, 1, 42, List.of(), List.of());
        String first = generator.generate(prompt, sampled).text();
        assertThat(generator.generate(prompt, sampled).text()).isEqualTo(first);
        var otherSeed = new GenerationOptions(24, 1.0, 0, 0.9, 1, 43, List.of(), List.of());
        assertThat(generator.generate(prompt, otherSeed).text()).isNotEqualTo(first);
        var topOne = new GenerationOptions(24, 0.8, 1, 1, 1, 7, List.of(), List.of());
        assertThat(generator.generate(prompt, topOne).text()).isEqualTo(generator.generate(prompt, GenerationOptions.greedy(24)).text());
    }

    @Test
    void aRepetitionPenaltyRepeatsLess() {
        String prompt = golden.get("cases").get(1).get("prompt").asText();
        int[] plain = tokenizer.encode(generator.generate(prompt, GenerationOptions.greedy(24)).text());
        int[] penalised = tokenizer.encode(generator.generate(prompt,
                new GenerationOptions(24, 0, 0, 1, 3.0, 0, List.of(), List.of())).text());
        assertThat(distinct(penalised)).as("distinct tokens with the penalty").isGreaterThan(distinct(plain));
    }

    @Test
    void stopsEndTheTextStreamingAddsUpAndCancellationEndsEarly() {
        JsonNode c = golden.get("cases").get(0);
        String full = generator.generate(c.get("prompt").asText(), GenerationOptions.greedy(24)).text();
        String stop = full.substring(full.length() / 2, full.length() / 2 + 3);
        List<String> pieces = new ArrayList<>();
        var stopped = generator.generate(tokenizer.encode(c.get("prompt").asText()),
                new GenerationOptions(24, 0, 0, 1, 1, 0, List.of(), List.of(stop)), pieces::add, () -> false);
        assertThat(stopped.finishReason()).isEqualTo(TextGenerator.FinishReason.STOP);
        assertThat(stopped.text()).isEqualTo(full.substring(0, full.indexOf(stop))).doesNotContain(stop);
        assertThat(String.join("", pieces)).isEqualTo(stopped.text());

        int eos = ints(c.get("greedy_new_ids"))[3];
        var atToken = generator.generate(tokenizer.encode(c.get("prompt").asText()),
                new GenerationOptions(24, 0, 0, 1, 1, 0, List.of(eos), List.of()), p -> { }, () -> false);
        assertThat(atToken.completionTokens()).isEqualTo(3);
        assertThat(atToken.finishReason()).isEqualTo(TextGenerator.FinishReason.STOP);

        AtomicInteger steps = new AtomicInteger();
        var cancelled = generator.generate(tokenizer.encode(c.get("prompt").asText()), GenerationOptions.greedy(24),
                p -> { }, () -> steps.incrementAndGet() > 5);
        assertThat(cancelled.finishReason()).isEqualTo(TextGenerator.FinishReason.CANCELLED);
        assertThat(cancelled.completionTokens()).isEqualTo(5);

        assertThatThrownBy(() -> generator.generate("x", GenerationOptions.greedy(300))).hasMessageContaining("context of 256");
    }

    /**
     * A character split across tokens decodes to U+FFFD until its last byte comes; the stream must not send that
     * placeholder, or the pieces no longer add up to the text. The tiny Qwen2 model (byte-level BPE, random weights)
     * splits characters all the time.
     */
    @Test
    void streamedPiecesAddUpToTheTextWhenCharactersSpanTokens() throws Exception {
        Path folder = Path.of(getClass().getResource("/models/tiny-qwen2/config.json").toURI()).getParent();
        try (CausalLm qwen = CausalLm.load(folder); LmTokenizer qwenTokens = LmTokenizer.load(folder)) {
            TextGenerator bytes = new TextGenerator(qwen, qwenTokens);
            int[] prompt = qwenTokens.encode("Caf\u00e9 in Z\u00fcrich \u2014 \u65b0\u805e");
            int nonAscii = 0;
            for (long seed = 0; seed < 40; seed++) {
                List<String> pieces = new ArrayList<>();
                var g = bytes.generate(prompt, new GenerationOptions(24, 1.0, 0, 1, 1, seed, List.of(), List.of()), pieces::add,
                        () -> false);
                assertThat(String.join("", pieces)).as("seed %d", seed).isEqualTo(g.text());
                nonAscii += g.text().chars().anyMatch(ch -> ch > 0x7f) ? 1 : 0;
            }
            assertThat(nonAscii).as("answers with characters of several bytes").isGreaterThan(10);
        }
    }

    /** A plain prompt gets the tokenizer's BOS, as the golden ids have it; a rendered chat template gets none added. */
    @Test
    void aRenderedChatGetsNoSpecialTokensAddedAPlainPromptDoes() throws Exception {
        Path folder = Path.of(getClass().getResource("/models/tiny-qwen2/config.json").toURI()).getParent();
        try (LmTokenizer qwenTokens = LmTokenizer.load(folder)) {
            String chat = ChatTemplate.fromFolder(folder).orElseThrow()
                    .render(List.of(new ChatTemplate.Message("user", "Suggest a headline.")), true);
            int[] plain = qwenTokens.encode(chat);
            int[] rendered = qwenTokens.encodeRendered(chat);
            assertThat(plain[0]).as("the BOS the tokenizer adds").isZero();
            assertThat(rendered).containsExactly(java.util.Arrays.copyOfRange(plain, 1, plain.length));
        }
    }

    /** A prompt run through the model in chunks of three tokens decodes the golden greedy ids all the same. */
    @Test
    void aPromptPrefilledInChunksGivesTheSameTokens() {
        TextGenerator chunked = new TextGenerator(model, tokenizer, 3);
        for (JsonNode c : golden.get("cases")) {
            int[] prompt = ints(c.get("input_ids"));
            assertThat(prompt.length).isGreaterThan(3);
            int[] expected = ints(c.get("greedy_new_ids"));
            var g = chunked.generate(prompt, GenerationOptions.greedy(expected.length), p -> { }, () -> false);
            assertThat(g.text()).isEqualTo(tokenizer.decode(expected));
            assertThat(g.promptTokens()).isEqualTo(prompt.length);
        }
    }

    /**
     * Scoring a prompt as it is prefilled (in chunks of three) reports each token with the golden logits of the
     * position before it, the first with none, and leaves the cache to go on from as an unscored prefill does.
     */
    @Test
    void aScoredPrefillReportsEachPromptTokenWithTheLogitsThatPredictIt() {
        TextGenerator chunked = new TextGenerator(model, tokenizer, 3);
        for (JsonNode c : golden.get("cases")) {
            int[] prompt = ints(c.get("input_ids"));
            List<Integer> positions = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            List<float[]> rows = new ArrayList<>();
            try (TextGenerator.Prefilled prefilled = chunked.prefill(prompt, 1, (position, id, logits) -> {
                positions.add(position);
                ids.add(id);
                rows.add(logits);
            })) {
                int[] expected = ints(c.get("greedy_new_ids"));
                var g = chunked.generate(prefilled, GenerationOptions.greedy(expected.length), p -> { }, null, () -> false);
                assertThat(g.text()).isEqualTo(tokenizer.decode(expected));
            }
            assertThat(positions).hasSize(prompt.length);
            assertThat(rows.get(0)).as("nothing predicts the first token").isNull();
            for (int p = 0; p < prompt.length; p++) {
                assertThat(positions.get(p)).isEqualTo(p);
                assertThat(ids.get(p)).isEqualTo(prompt[p]);
            }
            for (int p = 1; p < prompt.length; p++) {
                JsonNode before = c.get("all_logits").get(p - 1);
                double scale = 0;
                double worst = 0;
                for (int v = 0; v < before.size(); v++) {
                    scale = Math.max(scale, Math.abs(before.get(v).asDouble()));
                    worst = Math.max(worst, Math.abs(rows.get(p)[v] - before.get(v).asDouble()));
                }
                assertThat(worst / scale).as("position %d", p).isLessThan(1e-4);
            }
        }
    }

    @Test
    void noNewTokensRunsThePromptAndGeneratesNothing() {
        int[] prompt = ints(golden.get("cases").get(0).get("input_ids"));
        var g = generator.generate(prompt, GenerationOptions.greedy(0), p -> { }, () -> false);
        assertThat(g.text()).isEmpty();
        assertThat(g.completionTokens()).isZero();
        assertThat(g.promptTokens()).isEqualTo(prompt.length);
        assertThatThrownBy(() -> GenerationOptions.greedy(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * JSON mode: whatever the (random-weight) model would say, every answer is the start of a JSON object, and an
     * answer that ends by itself is one whole object; the same draws unconstrained are not JSON at all.
     */
    @Test
    void jsonModeKeepsEveryAnswerToOneJsonObject() throws Exception {
        int[] prompt = tokenizer.encode("Reply in JSON with a headline and tags:");
        var mapper = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        int whole = 0;
        for (long seed = 1; seed <= 12; seed++) {
            var free = new GenerationOptions(60, 1.0, 0, 1.0, 1, seed, model.config().eosTokenIds(), List.of());
            var json = free.withJson(JsonShape.ANY_OBJECT);
            String unconstrained = generator.generate(prompt, free, p -> { }, () -> false).text();
            assertThat(isJsonPrefix(unconstrained)).as("unconstrained, seed %d: %s", seed, unconstrained).isFalse();
            StringBuilder streamed = new StringBuilder();
            var g = generator.generate(prompt, json, streamed::append, () -> false);
            assertThat(g.text()).isEqualTo(streamed.toString());
            assertThat(isJsonPrefix(g.text())).as("seed %d: %s", seed, g.text()).isTrue();
            assertThat(g.text().strip()).startsWith("{");
            if (g.finishReason() == TextGenerator.FinishReason.STOP) {
                assertThat(mapper.readTree(g.text()).isObject()).as(g.text()).isTrue();
                whole++;
            } else {
                assertThat(g.completionTokens()).isEqualTo(60);
            }
        }
        assertThat(whole).as("answers that closed their object within 60 tokens").isPositive();
    }

    /** Structured output: every answer that ends by itself is an object of the schema, whatever the model leans to. */
    @Test
    void aSchemaKeepsEveryAnswerToItsShape() throws Exception {
        var mapper = new ObjectMapper();
        JsonShape shape = JsonShape.of(mapper.readTree("{\"type\": \"object\", \"required\": [\"section\", \"breaking\"], "
                + "\"additionalProperties\": false, \"properties\": {\"section\": {\"enum\": [\"news\", \"sports\", \"weather\"]}, "
                + "\"breaking\": {\"type\": \"boolean\"}}}"));
        int[] prompt = tokenizer.encode("Classify this article:");
        int whole = 0;
        for (long seed = 1; seed <= 8; seed++) {
            var options = new GenerationOptions(60, 1.0, 0, 1.0, 1, seed, model.config().eosTokenIds(), List.of()).withJson(shape);
            var g = generator.generate(prompt, options, p -> { }, () -> false);
            if (g.finishReason() != TextGenerator.FinishReason.STOP) {
                continue;
            }
            whole++;
            JsonNode answer = mapper.readTree(g.text());
            assertThat(answer.size()).as(g.text()).isEqualTo(2);
            assertThat(answer.path("section").asText()).as(g.text()).isIn("news", "sports", "weather");
            assertThat(answer.path("breaking").isBoolean()).as(g.text()).isTrue();
        }
        assertThat(whole).as("answers that closed their object within 60 tokens").isEqualTo(8);
    }

    /**
     * JSON after a trigger (a tool call's tag in a free answer): the text up to the trigger is what the model says
     * unconstrained; after it comes an object of the shape, and after the object the text is free again.
     */
    @Test
    void afterItsTriggerTheTextIsAnObjectOfTheShapeThenFreeAgain() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"required\": [\"n\"], "
                + "\"additionalProperties\": false, \"properties\": {\"n\": {\"type\": \"integer\", \"minimum\": 1, "
                + "\"maximum\": 9}}}"));
        int[] prompt = tokenizer.encode("Call a tool:");
        int closed = 0;
        for (long seed = 1; seed <= 6; seed++) {
            var free = new GenerationOptions(40, 1.0, 0, 1.0, 1, seed, List.of(), List.of());
            String unconstrained = generator.generate(prompt, free, p -> { }, () -> false).text();
            int[] ids = tokenizer.encode(unconstrained);
            String trigger = tokenizer.decode(java.util.Arrays.copyOf(ids, Math.min(3, ids.length)));
            var g = generator.generate(prompt, free.withJsonAfter(trigger, shape), p -> { }, () -> false);
            assertThat(g.text()).as("seed %d", seed).startsWith(trigger);
            String rest = g.text().substring(trigger.length());
            int end = rest.indexOf('}');
            if (end < 0) {
                assertThat(isJsonPrefix(rest)).as("an object still open: %s", rest).isTrue();
                continue;
            }
            closed++;
            assertThat(shape.admits(rest.substring(0, end + 1))).as(rest).isTrue();
            assertThat(g.completionTokens()).as("the answer goes on after the object").isEqualTo(40);
        }
        assertThat(closed).as("objects closed within 40 tokens").isPositive();
    }

    /**
     * The empty trigger (a call written bare, as Llama 3 writes them): an answer that opens with a brace is an object
     * of the shape, the whole answer once it closes, or still open; one that opens otherwise is free. A bias on the
     * brace's token makes the random-weight model open with it.
     */
    @Test
    void anAnswerThatOpensWithABraceIsAnObjectOfTheShape() throws Exception {
        JsonShape shape = JsonShape.of(new ObjectMapper().readTree("{\"type\": \"object\", \"required\": [\"n\"], "
                + "\"additionalProperties\": false, \"properties\": {\"n\": {\"type\": \"integer\", \"minimum\": 1, "
                + "\"maximum\": 9}}}"));
        int[] prompt = tokenizer.encode("Call a tool:");
        int brace = tokenizer.encodeRendered("{")[0];
        int closed = 0;
        for (long seed = 1; seed <= 6; seed++) {
            var free = new GenerationOptions(40, 1.0, 0, 1.0, 1, seed, List.of(), List.of());
            var g = generator.generate(prompt, free.withLogitBias(java.util.Map.of(brace, 100f)).withJsonAfter("", shape),
                    p -> { }, () -> false);
            assertThat(g.text()).as("seed %d", seed).startsWith("{");
            int end = g.text().indexOf('}');
            if (end < 0) {
                assertThat(isJsonPrefix(g.text())).as("an object still open: %s", g.text()).isTrue();
                continue;
            }
            closed++;
            assertThat(shape.admits(g.text())).as(g.text()).isTrue();
            assertThat(g.finishReason()).isEqualTo(TextGenerator.FinishReason.STOP);
            String unconstrained = generator.generate(prompt, free.withLogitBias(java.util.Map.of(brace, 100f)),
                    p -> { }, () -> false).text();
            assertThat(shape.admits(unconstrained.substring(0, unconstrained.indexOf('}') + 1)))
                    .as("without the trigger the same draw writes no such object: %s", unconstrained).isFalse();
        }
        assertThat(closed).as("objects closed within 40 tokens").isPositive();
        var opensWithText = new GenerationOptions(20, 1.0, 0, 1.0, 1, 3, List.of(), List.of());
        String text = generator.generate(prompt, opensWithText, p -> { }, () -> false).text();
        assertThat(text.stripLeading()).doesNotStartWith("{");
        assertThat(generator.generate(prompt, opensWithText.withJsonAfter("", shape), p -> { }, () -> false).text())
                .as("an answer that does not open with a brace is free").isEqualTo(text);
    }

    private static boolean isJsonPrefix(String text) {
        JsonPrefix prefix = new JsonPrefix();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            if (!prefix.accept(b & 0xff)) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static long distinct(int[] ids) {
        return java.util.Arrays.stream(ids).distinct().count();
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
