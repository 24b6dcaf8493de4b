package io.newsdesk.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tool calling on /v1/chat/completions with the tiny Qwen2 fixture under a template that lays out tools
 * (tiny-qwen2-tools): forced calls keep to the function's parameters, plain and streamed; a call and its result go
 * back into the conversation; what cannot be honoured gets a 400 naming the field.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ToolCallingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> SEARCH = Map.of("type", "function", "function", Map.of(
            "name", "search_archive", "description", "Finds archive articles",
            "parameters", Map.of("type", "object", "additionalProperties", false, "required", List.of("query", "count"),
                    "properties", Map.of("query", Map.of("type", "string", "pattern", "^[a-z ]{3,24}$"),
                            "count", Map.of("type", "integer", "minimum", 1, "maximum", 10)))));
    private static final Map<String, Object> WEATHER = Map.of("type", "function", "function", Map.of(
            "name", "get_weather", "parameters", Map.of("type", "object", "properties",
                    Map.of("city", Map.of("type", "string", "maxLength", 12)))));

    @BeforeEach
    void register() {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2-tools"))
                .put("/api/models/qwen-tools").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2"))
                .put("/api/models/qwen-no-tools").then().statusCode(200);
    }

    private static Map<String, Object> request(Object toolChoice) {
        Map<String, Object> request = new HashMap<>();
        request.put("model", "qwen-tools");
        request.put("messages", List.of(Map.of("role", "user", "content", "Find coverage of the flood.")));
        request.put("tools", List.of(SEARCH, WEATHER));
        request.put("tool_choice", toolChoice);
        request.put("max_tokens", 150);
        request.put("temperature", 1.0);
        request.put("seed", 7);
        request.put("n", 3);
        return request;
    }

    @Test
    void aNamedFunctionIsCalledWithArgumentsOfItsSchema() throws Exception {
        JsonNode answer = JSON.readTree(given().contentType(ContentType.JSON)
                .body(request(Map.of("type", "function", "function", Map.of("name", "search_archive"))))
                .post("/v1/chat/completions").then().statusCode(200).extract().asString());
        int calls = 0;
        for (JsonNode choice : answer.path("choices")) {
            if (!choice.path("finish_reason").asText().equals("tool_calls")) {
                assertThat(choice.path("finish_reason").asText()).isEqualTo("length");
                continue;
            }
            calls++;
            JsonNode message = choice.path("message");
            assertThat(message.path("content").isNull()).isTrue();
            JsonNode call = message.path("tool_calls").get(0);
            assertThat(call.path("id").asText()).startsWith("call_");
            assertThat(call.path("type").asText()).isEqualTo("function");
            assertThat(call.path("function").path("name").asText()).isEqualTo("search_archive");
            JsonNode arguments = JSON.readTree(call.path("function").path("arguments").asText());
            assertThat(arguments.path("query").asText()).matches("[a-z ]{3,24}");
            assertThat(arguments.path("count").asInt()).isBetween(1, 10);
        }
        assertThat(calls).as("answers whose call closed within 150 tokens").isPositive();
    }

    /**
     * Models taught Llama 3's way (a bare object of name and parameters) and Mistral's (an array after [TOOL_CALLS])
     * write the call so, kept to the schema; the calls come back the same.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tiny-llama-tools", "tiny-llama-tools-mistral"})
    void llamaAndMistralStyleModelsCallTheirWay(String folder) throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", folder))
                .put("/api/models/" + folder).then().statusCode(200);
        Map<String, Object> request = request(Map.of("type", "function", "function", Map.of("name", "search_archive")));
        request.put("model", folder);
        JsonNode answer = JSON.readTree(given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions")
                .then().statusCode(200).extract().asString());
        int calls = 0;
        for (JsonNode choice : answer.path("choices")) {
            if (choice.path("finish_reason").asText().equals("tool_calls")) {
                calls++;
                JsonNode call = choice.path("message").path("tool_calls").get(0).path("function");
                assertThat(call.path("name").asText()).isEqualTo("search_archive");
                assertThat(JSON.readTree(call.path("arguments").asText()).path("count").asInt()).isBetween(1, 10);
            }
        }
        assertThat(calls).as("answers whose call closed within 150 tokens").isPositive();
    }

    /**
     * A free answer of a Llama-style model that opens with a brace is a call, kept to the tools' shapes and ending
     * with it (the bias on the brace's token, 93 in the fixture's vocabulary, makes the random weights open so).
     */
    @Test
    void aLlamaStyleFreeAnswerThatOpensWithABraceIsKeptToACall() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-llama-tools"))
                .put("/api/models/tiny-llama-tools").then().statusCode(200);
        Map<String, Object> request = request("auto");
        request.put("model", "tiny-llama-tools");
        request.put("logit_bias", Map.of("93", 100));
        JsonNode answer = JSON.readTree(given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions")
                .then().statusCode(200).extract().asString());
        int calls = 0;
        for (JsonNode choice : answer.path("choices")) {
            if (choice.path("finish_reason").asText().equals("length")) {
                assertThat(choice.path("message").path("content").asText()).startsWith("{");
                continue;
            }
            assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
            calls++;
            JsonNode call = choice.path("message").path("tool_calls").get(0).path("function");
            JsonNode arguments = JSON.readTree(call.path("arguments").asText());
            if (call.path("name").asText().equals("search_archive")) {
                assertThat(arguments.path("query").asText()).matches("[a-z ]{3,24}");
            } else {
                assertThat(call.path("name").asText()).isEqualTo("get_weather");
                assertThat(arguments.path("city").asText("").length()).isLessThanOrEqualTo(12);
            }
        }
        assertThat(calls).as("answers whose call closed within 150 tokens").isPositive();
    }

    @Test
    void aStreamSendsTheCallAsOneDeltaWithItsFinishReason() throws Exception {
        Map<String, Object> request = request("required");
        request.put("stream", true);
        request.put("n", 1);
        request.put("tools", List.of(SEARCH));
        String events = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        List<JsonNode> chunks = chunks(events);
        StringBuilder content = new StringBuilder();
        JsonNode call = null;
        String finish = null;
        for (JsonNode chunk : chunks) {
            JsonNode delta = chunk.path("choices").path(0).path("delta");
            content.append(delta.path("content").asText(""));
            if (delta.has("tool_calls")) {
                call = delta.path("tool_calls").get(0);
            }
            if (!chunk.path("choices").path(0).path("finish_reason").isNull()) {
                finish = chunk.path("choices").path(0).path("finish_reason").asText();
            }
        }
        assertThat(finish).isEqualTo("tool_calls");
        assertThat(content.toString()).as("a forced call is never text").isEmpty();
        assertThat(call.path("index").asInt()).isZero();
        assertThat(call.path("function").path("name").asText()).isEqualTo("search_archive");
        assertThat(JSON.readTree(call.path("function").path("arguments").asText()).path("count").asInt()).isBetween(1, 10);
    }

    /** A call and its result go back through the template: the next prompt holds both. */
    @Test
    void aCallAndItsResultGoBackIntoTheConversation() {
        Map<String, Object> request = request("none");
        request.put("n", 1);
        int before = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).extract().path("usage.prompt_tokens");
        List<Object> messages = new ArrayList<>((List<?>) request.get("messages"));
        Map<String, Object> assistant = new HashMap<>();
        assistant.put("role", "assistant");
        assistant.put("content", null);
        assistant.put("tool_calls", List.of(Map.of("id", "call_1", "type", "function", "function",
                Map.of("name", "search_archive", "arguments", "{\"query\": \"flood\", \"count\": 2}"))));
        messages.add(assistant);
        messages.add(Map.of("role", "tool", "tool_call_id", "call_1", "content", "Two articles: river levels, sandbags"));
        request.put("messages", messages);
        int after = given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then()
                .statusCode(200).body("choices[0].finish_reason", org.hamcrest.Matchers.not(equalTo("tool_calls")))
                .extract().path("usage.prompt_tokens");
        assertThat(after - before).as("the call and the tool's answer are in the prompt").isGreaterThan(20);
    }

    @Test
    void whatCannotBeHonouredIsRefusedNamingTheField() {
        Map<String, Object> noTemplate = request("auto");
        noTemplate.put("model", "qwen-no-tools");
        refused(noTemplate, "tools", "<tool_call>");
        refused(request(Map.of("type", "function", "function", Map.of("name", "delete_everything"))), "tool_choice", "naming");
        Map<String, Object> badName = request("auto");
        badName.put("tools", List.of(Map.of("type", "function", "function", Map.of("name", "two words"))));
        refused(badName, "tools", "letters");
        Map<String, Object> unkeepable = request("required");
        unkeepable.put("tools", List.of(Map.of("type", "function", "function", Map.of("name", "a", "parameters",
                Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer", "not", Map.of("const", 5))))))));
        refused(unkeepable, "tools", "not is not supported");
        Map<String, Object> withFormat = request("auto");
        withFormat.put("response_format", Map.of("type", "json_object"));
        refused(withFormat, "response_format", "tools");
        Map<String, Object> orphan = request("auto");
        orphan.put("messages", List.of(Map.of("role", "tool", "content", "a result")));
        refused(orphan, "messages[0]", "tool_call_id");
        Map<String, Object> badArguments = request("auto");
        badArguments.put("messages", List.of(Map.of("role", "assistant", "tool_calls", List.of(Map.of("id", "c", "type",
                "function", "function", Map.of("name", "get_weather", "arguments", "[1, 2]"))))));
        refused(badArguments, "messages[0]", "JSON text of an object");
        Map<String, Object> noTools = request("required");
        noTools.remove("tools");
        refused(noTools, "tool_choice", "no tools");
    }

    private static void refused(Map<String, Object> request, String param, String says) {
        given().contentType(ContentType.JSON).body(request).post("/v1/chat/completions").then().statusCode(400)
                .body("error.param", equalTo(param)).body("error.message", containsString(says));
    }

    private static List<JsonNode> chunks(String events) throws Exception {
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : events.split("\n")) {
            if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                chunks.add(JSON.readTree(line.substring("data: ".length())));
            }
        }
        return chunks;
    }
}
