package io.newsdesk.app;

import static io.newsdesk.app.Api.await;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.searchFinds;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Related archive context with citations, grounding a chat in it, and the abstractive editor tools, on the real
 * index and the tiny Qwen2 fixture (random weights: its words mean nothing, but they are the model's own).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EditorLanguageModelTest {

    private static String town;
    private static String lighthouse;
    private static String museum;
    private static String harbour;

    @BeforeEach
    void archiveAndModel() {
        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2"))
                .put("/api/models/qwen-tiny").then().statusCode(200);
        if (town != null) {
            return;
        }
        // a fixed name: a random one is tokenised differently each run, and that moved the related ranking
        town = "Porthkennack";
        lighthouse = uniqueId("lighthouse");
        museum = uniqueId("museum");
        put(lighthouse, Map.of("title", town + " lighthouse reopens", "section", "news",
                "body", "The " + town + " lighthouse reopened after restoration.")).then().statusCode(201);
        put(museum, Map.of("title", town + " lighthouse museum plans", "section", "news",
                "body", "A museum will open in the " + town + " lighthouse keeper's cottage.")).then().statusCode(201);
        harbour = uniqueId("harbour");
        put(harbour, Map.of("title", town + " harbour wall repairs begin", "section", "news", "body",
                ("Engineers began repairing the " + town + " harbour wall, which storms damaged last winter. ").repeat(12)))
                .then().statusCode(201);
        put(uniqueId("ferry"), Map.of("title", "Ferry timetable changes", "section", "news",
                "body", "Winter ferries sail twice a day from the harbour.")).then().statusCode(201);
        await("the archive is searchable", () -> searchFinds(town + " lighthouse", lighthouse) && searchFinds(town + " museum", museum)
                && searchFinds(town + " harbour wall", harbour));
    }

    @Test
    void contextCitesTheMostRelevantArchiveArticlesAndNeverTheArticleItself() {
        JsonPath question = post("/api/editor/context", Map.of("text", "When did the " + town + " lighthouse reopen?", "count", 2));
        assertThat(question.getString("engine")).startsWith("archive-search");
        assertThat(question.getList("citations.n", Integer.class)).containsExactly(1, 2);
        assertThat(question.getString("citations[0].id")).isEqualTo(lighthouse);
        assertThat(question.getString("citations[0].excerpt")).doesNotContain("<mark>");
        assertThat(question.getString("grounding")).startsWith("[1] " + town + " lighthouse reopens");

        JsonPath related = post("/api/editor/context", Map.of("articleId", lighthouse, "count", 3));
        assertThat(related.getList("citations.id", String.class)).doesNotContain(lighthouse).first().isEqualTo(museum);

        given().contentType(ContentType.JSON).body(Map.of("text", "x", "count", 21)).post("/api/editor/context").then().statusCode(400);
    }

    @Test
    void aGroundedChatIsGivenTheArchiveAndListsWhatItCites() {
        Map<String, Object> message = Map.of("role", "user", "content", "What happened at the lighthouse?");
        int plainPrompt = given().contentType(ContentType.JSON)
                .body(Map.of("model", "qwen-tiny", "messages", List.of(message), "max_tokens", 4, "temperature", 0))
                .post("/v1/chat/completions").then().statusCode(200).extract().path("usage.prompt_tokens");
        JsonPath grounded = given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "messages", List.of(message),
                        "max_tokens", 4, "temperature", 0, "newsdesk_context", Map.of("query", town + " lighthouse reopened", "count", 1)))
                .post("/v1/chat/completions").then().statusCode(200).body("object", equalTo("chat.completion")).extract().jsonPath();
        assertThat(grounded.getString("newsdesk_citations[0].id")).isEqualTo(lighthouse);
        assertThat(grounded.getInt("usage.prompt_tokens")).isGreaterThan(plainPrompt + 20);

        String events = given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "messages", List.of(message),
                        "max_tokens", 4, "temperature", 0, "stream", true, "newsdesk_context", Map.of("query", town + " lighthouse", "count", 1)))
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertThat(events.lines().filter(l -> l.startsWith("data: {")).findFirst().orElseThrow()).contains("newsdesk_citations", lighthouse);

        // the tiny model's 256 tokens hold no passage of this article, but its title and date still fit
        assertThat(given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "messages", List.of(message),
                        "max_tokens", 4, "newsdesk_context", Map.of("query", town + " harbour wall", "count", 1)))
                .post("/v1/chat/completions").then().statusCode(200).extract().jsonPath().getString("newsdesk_citations[0].id"))
                .isEqualTo(harbour);

        given().contentType(ContentType.JSON).body(Map.of("model", "qwen-tiny", "messages", List.of(message),
                        "newsdesk_context", Map.of("query", "x".repeat(501))))
                .post("/v1/chat/completions").then().statusCode(400).body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void summariesAndHeadlinesAreWrittenByANamedModel() {
        Map<String, Object> request = Map.of("articleId", lighthouse, "model", "qwen-tiny", "words", 20);
        JsonPath first = post("/api/editor/summarize", request);
        assertThat(first.getString("engine")).isEqualTo("llm:qwen-tiny");
        assertThat(first.getInt("usage.completion_tokens")).isBetween(1, 56);
        assertThat(first.getInt("usage.prompt_tokens")).isLessThanOrEqualTo(256);
        assertThat(post("/api/editor/summarize", request).getString("summary")).isEqualTo(first.getString("summary"));

        JsonPath headlines = post("/api/editor/headlines", Map.of("articleId", lighthouse, "model", "qwen-tiny", "count", 1));
        assertThat(headlines.getString("engine")).isEqualTo("llm:qwen-tiny");
        assertThat(headlines.getList("headlines", String.class)).hasSizeLessThanOrEqualTo(1).allSatisfy(h -> assertThat(h).isNotBlank());

        given().contentType(ContentType.JSON).body(Map.of("articleId", lighthouse, "model", "extractive"))
                .post("/api/editor/summarize").then().statusCode(200).body("engine", startsWith("extractive"));
        given().contentType(ContentType.JSON).body(Map.of("articleId", lighthouse, "model", "no-such-model"))
                .post("/api/editor/headlines").then().statusCode(404);
    }

    private static JsonPath post(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then().log().ifValidationFails().statusCode(200).extract().jsonPath();
    }
}
