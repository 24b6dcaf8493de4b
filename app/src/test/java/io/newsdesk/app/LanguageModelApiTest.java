package io.newsdesk.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model registry and the OpenAI-compatible completion endpoints on the tiny Qwen2 and Llama fixtures (the test
 * model store is core's test resources): plain and streamed completions agree, chats go through the chat
 * template, and bad requests get OpenAI-shaped errors.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class LanguageModelApiTest {

    static final String PROMPT = "The mayor said the new budget";

    @BeforeEach
    void register() {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2"))
                .put("/api/models/qwen-tiny").then().statusCode(200).body("architecture", equalTo("qwen2"));
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-llama"))
                .put("/api/models/llama-tiny").then().statusCode(200).body("architecture", equalTo("llama"));
    }

    @Test
    void registeredModelsAreListedAndCompleteTextPlainAndStreamed() throws Exception {
        given().get("/v1/models").then().statusCode(200).body("object", equalTo("list"))
                .body("data.id", hasItem("qwen-tiny")).body("data.id", hasItem("bge-small-en-v1.5"));

        JsonPath plain = given().contentType(ContentType.JSON)
                .body(Map.of("model", "qwen-tiny", "prompt", PROMPT, "max_tokens", 24, "temperature", 0))
                .post("/v1/completions").then().statusCode(200).body("object", equalTo("text_completion"))
                .extract().jsonPath();
        String text = plain.getString("choices[0].text");
        assertThat(text).isNotEmpty();
        assertThat(plain.getInt("usage.prompt_tokens")).isEqualTo(12);
        assertThat(plain.getInt("usage.completion_tokens")).isEqualTo(24);
        assertThat(plain.getString("choices[0].finish_reason")).isEqualTo("length");

        String events = given().contentType(ContentType.JSON)
                .body(Map.of("model", "qwen-tiny", "prompt", PROMPT, "max_tokens", 24, "temperature", 0, "stream", true))
                .post("/v1/completions").then().statusCode(200).contentType(startsWith("text/event-stream"))
                .extract().asString();
        List<JsonNode> chunks = chunks(events);
        StringBuilder streamed = new StringBuilder();
        chunks.forEach(c -> streamed.append(c.path("choices").path(0).path("text").asText()));
        assertThat(streamed.toString()).as("streamed pieces put together").isEqualTo(text);
        assertThat(chunks.get(chunks.size() - 1).path("choices").path(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(chunks).as("no usage unless stream_options asks for it").allSatisfy(c -> assertThat(c.has("usage")).isFalse());

        List<JsonNode> withUsage = chunks(given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", PROMPT,
                "max_tokens", 24, "temperature", 0, "stream", true, "stream_options", Map.of("include_usage", true)))
                .post("/v1/completions").then().statusCode(200).extract().asString());
        JsonNode usage = withUsage.get(withUsage.size() - 1);
        assertThat(usage.path("choices").isEmpty()).isTrue();
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(24);
        assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(12);
        assertThat(events.strip()).endsWith("data: [DONE]");

        given().get("/api/models").then().statusCode(200).body("find { it.name == 'qwen-tiny' }.loaded", equalTo(true))
                .body("find { it.name == 'qwen-tiny' }.device", equalTo("cpu()"))
                .body("find { it.name == 'llama-tiny' }.device", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void chatsGoThroughTheChatTemplatePlainAndStreamed() throws Exception {
        Map<String, Object> request = Map.of("model", "qwen-tiny", "max_tokens", 8, "temperature", 0,
                "messages", List.of(Map.of("role", "user", "content", "Suggest a headline about the budget.")));
        JsonPath chat = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).body("object", equalTo("chat.completion")).body("choices[0].message.role", equalTo("assistant"))
                .extract().jsonPath();
        assertThat(chat.getInt("usage.prompt_tokens")).as("the template's system message makes the prompt long").isGreaterThan(30);
        assertThat(chat.getString("id")).startsWith("chatcmpl-");

        var streamedRequest = new java.util.HashMap<>(request);
        streamedRequest.put("stream", true);
        List<JsonNode> chunks = chunks(given().contentType(ContentType.JSON).body(streamedRequest)
                .post("/v1/chat/completions").then().statusCode(200).extract().asString());
        assertThat(chunks.get(0).path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        StringBuilder streamed = new StringBuilder();
        chunks.forEach(c -> streamed.append(c.path("choices").path(0).path("delta").path("content").asText()));
        assertThat(streamed.toString()).isEqualTo(chat.getString("choices[0].message.content"));

        given().contentType(ContentType.JSON).body(Map.of("model", "llama-tiny", "messages",
                List.of(Map.of("role", "user", "content", "Hi")))).post("/v1/chat/completions").then().statusCode(400)
                .body("error.param", equalTo("model"));
    }

    /** n answers: answer i samples with the request's seed plus i, so it is what n=1 gives with that seed. */
    @Test
    void severalAnswersEachSampleWithTheirOwnSeedPlainAndStreamed() throws Exception {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "prompt", PROMPT,
                "max_tokens", 12, "temperature", 1.0, "seed", 7, "n", 3));
        JsonPath three = given().contentType(ContentType.JSON).body(request).post("/v1/completions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(three.getList("choices.index", Integer.class)).containsExactly(0, 1, 2);
        int completionTokens = 0;
        for (int i = 0; i < 3; i++) {
            request.put("n", 1);
            request.put("seed", 7 + i);
            JsonPath alone = given().contentType(ContentType.JSON).body(request).post("/v1/completions").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(three.getString("choices[" + i + "].text")).as("answer %d", i).isEqualTo(alone.getString("choices[0].text"));
            completionTokens += alone.getInt("usage.completion_tokens");
        }
        assertThat(new java.util.HashSet<>(three.getList("choices.text"))).as("sampled answers differ").hasSizeGreaterThan(1);
        assertThat(three.getInt("usage.prompt_tokens")).as("the prompt counted once").isEqualTo(12);
        assertThat(three.getInt("usage.completion_tokens")).isEqualTo(completionTokens);

        Map<String, Object> chat = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "max_tokens", 8, "temperature", 1.0,
                "seed", 11, "n", 2, "messages", List.of(Map.of("role", "user", "content", "Suggest a headline about the budget."))));
        JsonPath plain = given().contentType(ContentType.JSON).body(chat).post("/v1/chat/completions").then()
                .statusCode(200).extract().jsonPath();
        chat.put("stream", true);
        List<JsonNode> chunks = chunks(given().contentType(ContentType.JSON).body(chat).post("/v1/chat/completions").then()
                .statusCode(200).extract().asString());
        StringBuilder[] streamed = {new StringBuilder(), new StringBuilder()};
        int[] roles = new int[2];
        int[] finishes = new int[2];
        for (JsonNode chunk : chunks) {
            JsonNode choice = chunk.path("choices").path(0);
            int index = choice.path("index").asInt();
            streamed[index].append(choice.path("delta").path("content").asText());
            roles[index] += choice.path("delta").has("role") ? 1 : 0;
            finishes[index] += choice.path("finish_reason").isNull() ? 0 : 1;
        }
        for (int i = 0; i < 2; i++) {
            assertThat(streamed[i].toString()).as("streamed answer %d", i).isEqualTo(plain.getString("choices[" + i + "].message.content"));
            assertThat(roles[i]).as("role chunks of answer %d", i).isEqualTo(1);
            assertThat(finishes[i]).as("finish chunks of answer %d", i).isEqualTo(1);
        }

        request.put("n", 9);
        given().contentType(ContentType.JSON).body(request).post("/v1/completions").then().statusCode(400)
                .body("error.param", equalTo("n"));
    }

    /** Several prompts in one request, or token ids: each answer is what its prompt alone gets. */
    @Test
    void promptArraysAndTokenIdsCompleteLikeSinglePrompts() throws Exception {
        String other = "Breaking news: storm hits";
        JsonPath batch = given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", List.of(PROMPT, other),
                "n", 2, "max_tokens", 20, "temperature", 0)).post("/v1/completions").then().statusCode(200).extract().jsonPath();
        assertThat(batch.getList("choices.index", Integer.class)).containsExactly(0, 1, 2, 3);
        assertThat(batch.getList("choices.text", String.class)).containsExactly(complete(PROMPT), complete(PROMPT),
                complete(other), complete(other));

        int[] ids;
        try (var tokenizer = io.newsdesk.core.ml.llm.LmTokenizer.load(java.nio.file.Path.of("../core/src/test/resources/models/tiny-qwen2"))) {
            ids = tokenizer.encode(PROMPT);
        }
        JsonPath byIds = given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", ids,
                "max_tokens", 20, "temperature", 0)).post("/v1/completions").then().statusCode(200).extract().jsonPath();
        assertThat(byIds.getString("choices[0].text")).isEqualTo(complete(PROMPT));
        assertThat(batch.getInt("usage.prompt_tokens")).as("each prompt counted once").isEqualTo(ids.length
                + given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", other, "max_tokens", 1))
                        .post("/v1/completions").then().extract().<Integer>path("usage.prompt_tokens"));

        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", List.of())).post("/v1/completions")
                .then().statusCode(400).body("error.param", equalTo("prompt"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", List.of(1, 999_999)))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("prompt"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", List.of("a", "b", "c"), "n", 6))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("n"));
    }

    /** A streaming client that hangs up stops its generation: the rest of its answers are never computed. */
    @Test
    void aClientThatHangsUpMidStreamStopsItsGeneration() throws Exception {
        double cancelledBefore = metric("newsdesk_generations_total{model=\"qwen-tiny\",outcome=\"cancelled\"}");
        double tokensBefore = metric("newsdesk_generated_tokens_total{model=\"qwen-tiny\"}");
        String body = new ObjectMapper().writeValueAsString(Map.of("model", "qwen-tiny", "prompt", PROMPT, "max_tokens", 240,
                "n", 8, "temperature", 1.0, "seed", 3, "stream", true));
        var client = java.net.http.HttpClient.newHttpClient();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/v1/completions"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(response.body()))) {
            assertThat(in.readLine()).startsWith("data: ");
        }
        client.close();
        long deadline = System.currentTimeMillis() + 20_000;
        while (metric("newsdesk_generations_total{model=\"qwen-tiny\",outcome=\"cancelled\"}") == cancelledBefore
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(metric("newsdesk_generations_total{model=\"qwen-tiny\",outcome=\"cancelled\"}")).isEqualTo(cancelledBefore + 1);
        Thread.sleep(300);
        assertThat(metric("newsdesk_generated_tokens_total{model=\"qwen-tiny\"}") - tokensBefore)
                .as("tokens generated for a request of 8 answers of 240").isLessThan(8 * 240 / 2.0);
    }

    private static double metric(String series) {
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).strip());
            }
        }
        return 0;
    }

    /** logprobs: greedy picks the most likely token, the tokens spell the answer, and a stream sends the same. */
    @Test
    void logProbabilitiesComePlainAndStreamedInBothShapes() throws Exception {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "prompt", PROMPT, "max_tokens", 16,
                "temperature", 0, "logprobs", 3));
        JsonPath plain = given().contentType(ContentType.JSON).body(request).post("/v1/completions").then().statusCode(200)
                .extract().jsonPath();
        List<String> tokens = plain.getList("choices[0].logprobs.tokens", String.class);
        List<Float> logprobs = plain.getList("choices[0].logprobs.token_logprobs", Float.class);
        List<Map<String, Float>> top = plain.getList("choices[0].logprobs.top_logprobs");
        assertThat(tokens).hasSize(plain.getInt("usage.completion_tokens"));
        assertThat(String.join("", tokens)).isEqualTo(plain.getString("choices[0].text"));
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(logprobs.get(i)).isNegative();
            assertThat(top.get(i)).hasSizeBetween(1, 3);
            assertThat(java.util.Collections.max(top.get(i).values())).as("greedy takes the most likely token")
                    .isEqualTo(logprobs.get(i));
        }
        assertThat(plain.getList("choices[0].logprobs.text_offset", Integer.class).get(1)).isEqualTo(tokens.get(0).length());

        request.put("stream", true);
        List<Float> streamed = new ArrayList<>();
        for (JsonNode chunk : chunks(given().contentType(ContentType.JSON).body(request).post("/v1/completions").then()
                .statusCode(200).extract().asString())) {
            chunk.path("choices").path(0).path("logprobs").path("token_logprobs").forEach(l -> streamed.add(l.floatValue()));
        }
        assertThat(streamed).isEqualTo(logprobs);

        Map<String, Object> chat = Map.of("model", "qwen-tiny", "max_tokens", 6, "temperature", 0, "logprobs", true,
                "top_logprobs", 2, "messages", List.of(Map.of("role", "user", "content", "Suggest a headline about the budget.")));
        JsonPath answer = given().contentType(ContentType.JSON).body(chat).post("/v1/chat/completions").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> content = answer.getList("choices[0].logprobs.content");
        assertThat(content).hasSize(answer.getInt("usage.completion_tokens"))
                .allSatisfy(entry -> assertThat((List<?>) entry.get("top_logprobs")).hasSize(2));
        assertThat(content.stream().map(e -> (String) e.get("token")).reduce("", String::concat))
                .isEqualTo(answer.getString("choices[0].message.content"));

        List<String> plainTokens = given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", PROMPT,
                "max_tokens", 40, "temperature", 0, "logprobs", 0)).post("/v1/completions").then().statusCode(200)
                .extract().jsonPath().getList("choices[0].logprobs.tokens", String.class);
        List<String> penalisedTokens = given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", PROMPT,
                "max_tokens", 40, "temperature", 0, "logprobs", 0, "presence_penalty", 2.0, "frequency_penalty", 1.0))
                .post("/v1/completions").then().statusCode(200).extract().jsonPath().getList("choices[0].logprobs.tokens", String.class);
        assertThat(new java.util.HashSet<>(penalisedTokens).size()).as("distinct tokens with OpenAI's penalties")
                .isGreaterThan(new java.util.HashSet<>(plainTokens).size());
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", "x", "presence_penalty", 3))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("presence_penalty"));

        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", "x", "logprobs", 6))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("logprobs"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "top_logprobs", 2,
                "messages", List.of(Map.of("role", "user", "content", "Hi")))).post("/v1/chat/completions").then()
                .statusCode(400).body("error.param", equalTo("top_logprobs"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "logprobs", true, "top_logprobs", 21,
                "messages", List.of(Map.of("role", "user", "content", "Hi")))).post("/v1/chat/completions").then()
                .statusCode(400).body("error.param", equalTo("top_logprobs"));
    }

    /**
     * echo with logprobs scores the prompt: each token's log-probability is the golden logits' log-softmax at the
     * position before it (the first token has none), plain and streamed; max_tokens 0 generates nothing.
     */
    @Test
    void echoWithLogprobsScoresThePromptTokenByTokenAgainstTheGoldenLogits() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(java.nio.file.Files.readString(
                java.nio.file.Path.of("../core/src/test/resources/models/tiny-qwen2/golden.json")));
        JsonNode c = golden.get("cases").get(0);
        List<Integer> ids = new ArrayList<>();
        c.get("input_ids").forEach(id -> ids.add(id.asInt()));
        Map<String, Object> scoring = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "prompt", ids, "max_tokens", 0,
                "echo", true, "logprobs", 2));
        JsonPath scored = given().contentType(ContentType.JSON).body(scoring).post("/v1/completions").then().statusCode(200)
                .extract().jsonPath();
        List<Float> logprobs = scored.getList("choices[0].logprobs.token_logprobs", Float.class);
        List<Map<String, Float>> top = scored.getList("choices[0].logprobs.top_logprobs");
        assertThat(logprobs).hasSize(ids.size());
        assertThat(logprobs.get(0)).as("nothing predicts the first token").isNull();
        assertThat(top.get(0)).isNull();
        for (int p = 1; p < ids.size(); p++) {
            JsonNode before = c.get("all_logits").get(p - 1);
            double max = Double.NEGATIVE_INFINITY;
            int argmax = 0;
            for (int v = 0; v < before.size(); v++) {
                if (before.get(v).asDouble() > max) {
                    max = before.get(v).asDouble();
                    argmax = v;
                }
            }
            double sum = 0;
            for (int v = 0; v < before.size(); v++) {
                sum += Math.exp(before.get(v).asDouble() - max);
            }
            double expected = before.get(ids.get(p)).asDouble() - max - Math.log(sum);
            assertThat((double) logprobs.get(p)).as("position %d", p).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-3));
            assertThat(top.get(p)).hasSize(2);
            assertThat(java.util.Collections.max(top.get(p).values()).doubleValue()).as("the most likely at %d is token %d", p, argmax)
                    .isCloseTo(-Math.log(sum), org.assertj.core.api.Assertions.within(1e-3));
        }
        assertThat(scored.getString("choices[0].text")).isEqualTo(String.join("", scored.getList("choices[0].logprobs.tokens", String.class)));
        assertThat(scored.getInt("usage.completion_tokens")).isZero();
        assertThat(scored.getString("choices[0].finish_reason")).isEqualTo("length");

        scoring.put("stream", true);
        List<Float> streamed = new ArrayList<>();
        chunks(given().contentType(ContentType.JSON).body(scoring).post("/v1/completions").then().statusCode(200).extract()
                .asString()).forEach(chunk -> chunk.path("choices").path(0).path("logprobs").path("token_logprobs")
                        .forEach(l -> streamed.add(l.isNull() ? null : l.floatValue())));
        assertThat(streamed).isEqualTo(logprobs);

        // with answers after it, each answer's tokens follow the prompt's, and best_of ranks by the answer's alone
        JsonPath answered = given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", ids,
                "max_tokens", 5, "temperature", 0, "echo", true, "logprobs", 1, "n", 2)).post("/v1/completions").then()
                .statusCode(200).extract().jsonPath();
        for (int i = 0; i < 2; i++) {
            List<Float> all = answered.getList("choices[" + i + "].logprobs.token_logprobs", Float.class);
            assertThat(all).hasSize(ids.size() + 5);
            assertThat(all.subList(0, ids.size())).isEqualTo(logprobs);
        }
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", PROMPT, "max_tokens", 0))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("max_tokens"));
    }

    /**
     * JSON mode: each answer, plain or streamed, is the start of a JSON object, and one that stopped by itself is a
     * whole object; the random-weight model answers otherwise without it. A json_schema keeps answers to its shape;
     * a schema with a keyword that cannot be kept to is refused, naming it.
     */
    @Test
    void jsonModeAnswersAreJsonObjects() throws Exception {
        List<Map<String, String>> messages = List.of(Map.of("role", "user", "content", "Headline and tags as JSON, please."));
        Map<String, Object> request = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "messages", messages,
                "max_tokens", 60, "temperature", 1.0, "seed", 3, "n", 4, "response_format", Map.of("type", "json_object")));
        JsonPath answers = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().jsonPath();
        ObjectMapper strict = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<String> contents = answers.getList("choices.message.content", String.class);
        List<String> reasons = answers.getList("choices.finish_reason", String.class);
        for (int i = 0; i < contents.size(); i++) {
            assertThat(contents.get(i).strip()).startsWith("{");
            if (reasons.get(i).equals("stop")) {
                assertThat(strict.readTree(contents.get(i)).isObject()).as(contents.get(i)).isTrue();
            }
        }
        request.put("stream", true);
        request.put("n", 1);
        StringBuilder streamed = new StringBuilder();
        chunks(given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then().statusCode(200)
                .extract().asString()).forEach(c -> streamed.append(c.path("choices").path(0).path("delta").path("content").asText("")));
        assertThat(streamed.toString()).isEqualTo(contents.get(0));

        Map<String, Object> schema = Map.of("type", "object", "additionalProperties", false,
                "required", List.of("section", "breaking", "words"), "properties", Map.of("section",
                        Map.of("enum", List.of("news", "sports")), "breaking", Map.of("type", "boolean"),
                        "words", Map.of("type", "integer", "multipleOf", 25, "minimum", 100, "maximum", 1000)));
        request.put("stream", false);
        request.put("n", 3);
        request.put("response_format", Map.of("type", "json_schema", "json_schema", Map.of("name", "tag", "strict", true,
                "schema", schema)));
        JsonPath structured = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().jsonPath();
        for (String content : structured.getList("choices.message.content", String.class)) {
            JsonNode answer = strict.readTree(content);
            assertThat(answer.size()).as(content).isEqualTo(3);
            assertThat(answer.path("section").asText()).as(content).isIn("news", "sports");
            assertThat(answer.path("breaking").isBoolean()).as(content).isTrue();
            assertThat(answer.path("words").isInt()).as(content).isTrue();
            assertThat(answer.path("words").asInt()).as(content).isBetween(100, 1000);
            assertThat(answer.path("words").asInt() % 25).as(content).isZero();
        }
        request.put("response_format", Map.of("type", "json_schema", "json_schema", Map.of("name", "tag", "schema",
                Map.of("type", "object", "properties", Map.of("words", Map.of("type", "integer", "not", Map.of("const", 10)))))));
        given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then().statusCode(400)
                .body("error.param", equalTo("response_format"))
                .body("error.message", org.hamcrest.Matchers.containsString("not is not supported"));

        request.remove("response_format");
        request.put("n", 4);
        assertThat(given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then().statusCode(200)
                .extract().<String>path("choices[0].message.content")).isNotEqualTo(contents.get(0));
    }

    /**
     * A json_schema whose anyOf joins two kinds of object (a paragraph, a quote): every answer's blocks are each one of
     * them whole, with the keys of one branch and none of the other's, in the order its schema lists them.
     */
    @Test
    void unionsOfObjectsKeepEachValueToOneBranch() throws Exception {
        Map<String, Object> paragraph = Map.of("type", "object", "additionalProperties", false, "required", List.of("kind", "text"),
                "properties", ordered("kind", Map.of("const", "paragraph"), "text", Map.of("type", "string", "maxLength", 8)));
        Map<String, Object> quote = Map.of("type", "object", "additionalProperties", false,
                "required", List.of("kind", "text", "speaker"), "properties", ordered("kind", Map.of("const", "quote"),
                        "speaker", Map.of("type", "string", "maxLength", 6), "text", Map.of("type", "string", "maxLength", 8)));
        Map<String, Object> schema = Map.of("type", "object", "additionalProperties", false, "required", List.of("blocks"),
                "properties", Map.of("blocks", Map.of("type", "array", "minItems", 1, "maxItems", 2,
                        "items", Map.of("anyOf", List.of(paragraph, quote)))));
        Map<String, Object> request = Map.of("model", "qwen-tiny", "max_tokens", 170, "temperature", 1.0, "seed", 11, "n", 4,
                "messages", List.of(Map.of("role", "user", "content", "The article as blocks, please.")),
                "response_format", Map.of("type", "json_schema", "json_schema", Map.of("name", "blocks", "strict", true,
                        "schema", schema)));
        JsonPath answers = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .log().ifValidationFails().statusCode(200).extract().jsonPath();
        ObjectMapper strict = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        assertThat(answers.getList("choices.finish_reason", String.class)).containsOnly("stop");
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (String content : answers.getList("choices.message.content", String.class)) {
            JsonNode blocks = strict.readTree(content).path("blocks");
            assertThat(blocks.size()).as(content).isBetween(1, 2);
            for (JsonNode block : blocks) {
                java.util.List<String> keys = new java.util.ArrayList<>();
                block.fieldNames().forEachRemaining(keys::add);
                String kind = block.path("kind").asText();
                kinds.add(kind);
                assertThat(keys).as("each branch's keys, in its schema's order: %s", content).containsExactlyElementsOf(
                        kind.equals("quote") ? List.of("kind", "speaker", "text") : List.of("kind", "text"));
                assertThat(kind).as(content).isIn("paragraph", "quote");
                assertThat(block.path("text").asText().codePointCount(0, block.path("text").asText().length())).isLessThanOrEqualTo(8);
            }
        }
        assertThat(kinds).as("four answers of random weights write both kinds").containsExactlyInAnyOrder("paragraph", "quote");
    }

    /**
     * The same chat again runs no prompt token through the model, and its next turn only what it adds: usage says so
     * in OpenAI's prompt_tokens_details.cached_tokens, and the answers are those of a model computing it all.
     */
    @Test
    void aChatsNextTurnReusesThePromptItBeginsWith() {
        List<Map<String, String>> first = List.of(Map.of("role", "user", "content", "Which roads did the flood close on Tuesday?"));
        Map<String, Object> request = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "messages", first,
                "max_tokens", 12, "temperature", 0));
        JsonPath once = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().jsonPath();
        int promptTokens = once.getInt("usage.prompt_tokens");
        assertThat(once.getInt("usage.prompt_tokens_details.cached_tokens")).as("only what any chat begins with")
                .isLessThan(promptTokens / 2);
        JsonPath again = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getInt("usage.prompt_tokens_details.cached_tokens")).isEqualTo(promptTokens);
        assertThat(again.getString("choices[0].message.content")).isEqualTo(once.getString("choices[0].message.content"));

        request.put("messages", List.of(first.get(0), Map.of("role", "assistant", "content",
                once.getString("choices[0].message.content")), Map.of("role", "user", "content", "And the bridges?")));
        JsonPath nextTurn = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().jsonPath();
        assertThat(nextTurn.getInt("usage.prompt_tokens")).isGreaterThan(promptTokens);
        assertThat(nextTurn.getInt("usage.prompt_tokens_details.cached_tokens")).as("the first turn's prompt, but for "
                + "where the answer joins it").isGreaterThanOrEqualTo(promptTokens - 2);
    }

    /**
     * A predicted output streamed: the same text as without it, the usage chunk counting the predicted tokens taken;
     * a prediction of another type is refused naming it.
     */
    @Test
    void aPredictedOutputStreamsTheSameAnswerAndCountsWhatItTook() throws Exception {
        Map<String, Object> request = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "messages",
                List.of(Map.of("role", "user", "content", "Tighten this sentence: the meeting of the council was held on Tuesday.")),
                "max_tokens", 20, "temperature", 0));
        String plain = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().path("choices[0].message.content");
        request.put("prediction", Map.of("type", "content", "content", List.of(Map.of("type", "text", "text", plain))));
        request.put("stream", true);
        request.put("stream_options", Map.of("include_usage", true));
        String events = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().asString();
        List<JsonNode> chunks = chunks(events);
        StringBuilder streamed = new StringBuilder();
        chunks.forEach(c -> c.path("choices").forEach(choice -> streamed.append(choice.path("delta").path("content").asText(""))));
        assertThat(streamed.toString()).isEqualTo(plain);
        JsonNode usage = chunks.get(chunks.size() - 1).path("usage");
        assertThat(usage.path("completion_tokens_details").path("accepted_prediction_tokens").asInt()).isPositive();

        request.put("prediction", Map.of("type", "text", "content", plain));
        given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then().statusCode(400)
                .body("error.param", equalTo("prediction.type"));
    }

    /** A map that keeps its keys in the order given, as a schema's properties must be. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** logit_bias: +100 on one token makes greedy decoding repeat it; bad keys, values or ids get a 400. */
    @Test
    void logitBiasForcesATokenAndBadBiasesAreRefused() throws Exception {
        String expected;
        try (var tokenizer = io.newsdesk.core.ml.llm.LmTokenizer.load(java.nio.file.Path.of("../core/src/test/resources/models/tiny-qwen2"))) {
            expected = tokenizer.decode(new int[] {300, 300, 300, 300});
        }
        for (String endpoint : List.of("/v1/completions", "/v1/chat/completions")) {
            Map<String, Object> request = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "max_tokens", 4, "temperature", 0,
                    "logit_bias", Map.of("300", 100)));
            if (endpoint.contains("chat")) {
                request.put("messages", List.of(Map.of("role", "user", "content", "Say something.")));
            } else {
                request.put("prompt", PROMPT);
            }
            JsonPath answer = given().contentType(ContentType.JSON).body(request).post(endpoint).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(answer.getString(endpoint.contains("chat") ? "choices[0].message.content" : "choices[0].text"))
                    .isEqualTo(expected);
            for (Object bad : List.of(Map.of("abc", 1), Map.of("5", 101), Map.of("999999", 1), List.of(1))) {
                request.put("logit_bias", bad);
                given().contentType(ContentType.JSON).body(request).post(endpoint).then().statusCode(400)
                        .body("error.param", equalTo("logit_bias"));
            }
        }
    }

    /** echo puts the prompt first; what the service cannot honour (suffix, best_of, JSON schemas, tools) is refused. */
    @Test
    void echoWorksAndWhatCannotBeHonouredIsRefusedNotIgnored() throws Exception {
        String alone = complete(PROMPT);
        Map<String, Object> echoed = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "prompt", PROMPT, "max_tokens", 20,
                "temperature", 0, "echo", true));
        assertThat(given().contentType(ContentType.JSON).body(echoed).post("/v1/completions").then().statusCode(200)
                .extract().<String>path("choices[0].text")).isEqualTo(PROMPT + alone);
        echoed.put("stream", true);
        StringBuilder streamed = new StringBuilder();
        chunks(given().contentType(ContentType.JSON).body(echoed).post("/v1/completions").then().statusCode(200).extract()
                .asString()).forEach(c -> streamed.append(c.path("choices").path(0).path("text").asText()));
        assertThat(streamed.toString()).isEqualTo(PROMPT + alone);

        Map<String, Map<String, Object>> refusedByParam = Map.of("suffix", Map.of("suffix", " the end."),
                "best_of", Map.of("best_of", 3, "stream", true));
        refusedByParam.forEach((param, fields) -> {
            Map<String, Object> request = new java.util.HashMap<>(Map.of("model", "qwen-tiny", "prompt", PROMPT, "max_tokens", 4));
            request.putAll(fields);
            given().contentType(ContentType.JSON).body(request).post("/v1/completions").then().statusCode(400)
                    .body("error.param", equalTo(param));
        });
        List<Map<String, String>> messages = List.of(Map.of("role", "user", "content", "Headline as JSON, please."));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "messages", messages, "max_tokens", 4,
                "response_format", Map.of("type", "json_schema", "json_schema", Map.of("name", "headline"))))
                .post("/v1/chat/completions").then().statusCode(400).body("error.param", equalTo("response_format"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "messages", messages, "max_tokens", 4,
                "tools", List.of(Map.of("type", "function", "function", Map.of("name", "search"))))).post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("tools"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "messages", messages, "max_tokens", 4,
                "response_format", Map.of("type", "text"))).post("/v1/chat/completions").then().statusCode(200);
    }

    /** best_of: of the candidates n=best_of would return, the most likely per token comes back. */
    @Test
    void bestOfReturnsTheCandidateWithTheHighestLogProbabilityPerToken() {
        Map<String, Object> candidates = Map.of("model", "qwen-tiny", "prompt", PROMPT, "max_tokens", 10, "temperature", 1.0,
                "seed", 21, "n", 4, "logprobs", 0);
        JsonPath all = given().contentType(ContentType.JSON).body(candidates).post("/v1/completions").then().statusCode(200)
                .extract().jsonPath();
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 4; i++) {
            List<Float> logprobs = all.getList("choices[" + i + "].logprobs.token_logprobs", Float.class);
            double score = logprobs.stream().mapToDouble(Float::doubleValue).sum() / Math.max(1, logprobs.size());
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        JsonPath chosen = given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", PROMPT,
                "max_tokens", 10, "temperature", 1.0, "seed", 21, "best_of", 4)).post("/v1/completions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(chosen.getList("choices")).hasSize(1);
        assertThat(chosen.getInt("choices[0].index")).isZero();
        assertThat(chosen.getString("choices[0].text")).isEqualTo(all.getString("choices[" + best + "].text"));
        assertThat(chosen.getInt("usage.completion_tokens")).as("every candidate's tokens count")
                .isEqualTo(all.getInt("usage.completion_tokens"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", PROMPT, "n", 3, "best_of", 2))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("best_of"));
    }

    /** One model, four requests at once: each gets exactly what it gets alone (no request sees another's tokens). */
    @Test
    void concurrentRequestsShareOneModelWithoutMixingTokens() throws Exception {
        List<String> prompts = List.of("The mayor said the new budget", "Breaking news: storm hits", "Scientists found that",
                "The council voted");
        List<String> alone = new ArrayList<>();
        for (String p : prompts) {
            alone.add(complete(p));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> together = new ArrayList<>();
            for (String p : prompts) {
                together.add(pool.submit(() -> complete(p)));
            }
            for (int i = 0; i < prompts.size(); i++) {
                assertThat(together.get(i).get()).as("completion of \"%s\" among others", prompts.get(i)).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String complete(String prompt) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("model", "qwen-tiny", "prompt", prompt, "max_tokens", 20, "temperature", 0))
                .post("/v1/completions").then().statusCode(200).extract().path("choices[0].text");
    }

    @Test
    void aModelPublishedInBf16IsHeldInF16InHalfTheMemoryAndAnswers() {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2-bf16"))
                .put("/api/models/qwen-bf16").then().statusCode(200);
        given().post("/api/models/qwen-tiny:unload").then().statusCode(200); // its prompt cache emptied: weights alone
        int full = given().post("/api/models/qwen-tiny:load").then().statusCode(200).body("precision", equalTo("F32"))
                .extract().path("loadedBytes");
        int half = given().post("/api/models/qwen-bf16:load").then().statusCode(200).body("precision", equalTo("F16"))
                .extract().path("loadedBytes");
        assertThat((double) half).as("bytes held, against the float32 copy's").isLessThan(0.55 * full);
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-bf16", "max_tokens", 12, "temperature", 0,
                        "messages", List.of(Map.of("role", "user", "content", "Any news on the budget?"))))
                .post("/v1/chat/completions").then().statusCode(200)
                .body("usage.completion_tokens", equalTo(12)).body("choices[0].message.content", org.hamcrest.Matchers.not(""));
        given().delete("/api/models/qwen-bf16").then().statusCode(204);
    }

    @Test
    void modelsLoadAndUnloadWhenAnAdministratorAsks() {
        given().post("/api/models/llama-tiny:unload").then().statusCode(200).body("loaded", equalTo(false))
                .body("device", org.hamcrest.Matchers.nullValue());
        given().post("/api/models/llama-tiny:load").then().statusCode(200).body("loaded", equalTo(true))
                .body("device", equalTo("cpu()")).body("loadedBytes", org.hamcrest.Matchers.greaterThan(100_000))
                .body("precision", equalTo("F32"));
        given().get("/api/models/llama-tiny").then().statusCode(200).body("loaded", equalTo(true));
        given().post("/api/models/llama-tiny:unload").then().statusCode(200).body("loaded", equalTo(false))
                .body("loadedBytes", equalTo(0));
        given().post("/api/models/none-such:load").then().statusCode(404).body("code", equalTo("model_not_found"));
        given().get("/api/models/none-such").then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "no-weights"))
                .put("/api/models/no-weights").then().statusCode(200);
        given().post("/api/models/no-weights:load").then().statusCode(503)
                .body("type", equalTo("urn:newsdesk:problem:model-unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("neither model.safetensors"));
        given().contentType(ContentType.JSON).body(Map.of("model", "no-weights", "prompt", "x", "max_tokens", 2))
                .post("/v1/completions").then().statusCode(503);
        given().get("/api/models/no-weights").then().statusCode(200).body("loaded", equalTo(false));
        given().delete("/api/models/no-weights").then().statusCode(204);
    }

    @Test
    void badRequestsGetOpenAiErrorsAndChangeNothing() {
        given().contentType(ContentType.JSON).body(Map.of("model", "gpt-nothing", "prompt", "x"))
                .post("/v1/completions").then().statusCode(404).body("error.code", equalTo("model_not_found"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", "x", "temperature", 5))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("temperature"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", "x", "max_tokens", 300))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("max_tokens"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "prompt", "x", "stop", List.of("a", "b", "c", "d", "e")))
                .post("/v1/completions").then().statusCode(400).body("error.param", equalTo("stop"));
        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "messages", List.of()))
                .post("/v1/chat/completions").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "../../../etc"))
                .put("/api/models/escape").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2"))
                .put("/api/models/bad%20name").then().statusCode(400);
        given().get("/api/models").then().statusCode(200).body("name", org.hamcrest.Matchers.not(hasItem("escape")));
        given().delete("/api/models/never-registered").then().statusCode(404);
    }

    private static List<JsonNode> chunks(String events) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : events.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                chunks.add(json.readTree(line.substring("data: ".length())));
            }
        }
        return chunks;
    }
}
