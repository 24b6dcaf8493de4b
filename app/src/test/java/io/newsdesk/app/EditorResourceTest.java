package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EditorResourceTest {

    static final String BODY = "The vote followed months of protests by readers who feared that three branches would close. "
            + "Libraries will also open on Sundays from March, the council said. The leader of the council said the savings "
            + "would come from renegotiated energy contracts. A spokesperson for the readers' campaign called the decision a "
            + "victory for the town.";


    /** In a title-case headline capitals say nothing; the archive's articles say which words are names. */
    @Test
    void namesInATitleCaseHeadlineAreJudgedByHowTheArchiveWritesThem() {
        String id = uniqueId("casing");
        given().contentType(ContentType.JSON).body(article("Harbour plan wins support", "news",
                "Councillor Zanele Okafor presented the harbour plan on Monday. Residents said Okafor listened. The plan "
                        + "unveils new ferry berths, and the council unveils its budget next week."))
                .put("/api/articles/" + id).then().statusCode(201);
        JsonPath keywords = given().contentType(ContentType.JSON)
                .body(Map.of("text", "Okafor Unveils Ferry Berths\n\nThe berths open in spring.", "count", 5))
                .post("/api/editor/keywords").then().statusCode(200).extract().jsonPath();
        assertThat(keywords.getList("entities", String.class)).contains("Okafor").noneMatch(name -> name.contains("Unveils"));
    }
    @Test
    void summariesAndSeoTextForAnArticleOrATextNameTheirEngine() {
        String id = uniqueId("lib");
        Map<String, Object> story = new HashMap<>(article("Every Harbridge library stays open after budget vote", "news-editor", BODY));
        story.put("standfirst", "Councillors in Harbridge voted to keep every branch open.");
        put(id, story).then().statusCode(201);

        JsonPath summary = given().contentType(ContentType.JSON).body(Map.of("articleId", id, "sentences", 2))
                .post("/api/editor/summarize").then().statusCode(200).body("engine", startsWith("extractive")).extract().jsonPath();
        List<String> sentences = summary.getList("sentences", String.class);
        assertThat(sentences).hasSize(2);
        assertThat(summary.getString("summary")).isEqualTo(String.join(" ", sentences));
        assertThat(summary.getMap("$")).as("no model wrote it, so no token usage").doesNotContainKey("usage");

        JsonPath seo = given().contentType(ContentType.JSON).body(Map.of("articleId", id)).post("/api/editor/seo").then()
                .statusCode(200).body("slug", equalTo("every-harbridge-library-stays-open-after-budget-vote")).extract().jsonPath();
        assertThat(seo.getString("metaDescription")).isNotBlank().hasSizeLessThanOrEqualTo(160);

        given().contentType(ContentType.JSON).body(Map.of("text", BODY, "words", 20)).post("/api/editor/summarize").then()
                .statusCode(200).body("sentences.size()", equalTo(1));

        JsonPath keywords = given().contentType(ContentType.JSON).body(Map.of("articleId", id, "count", 5))
                .post("/api/editor/keywords").then().statusCode(200).body("engine", startsWith("embedding-keyphrases"))
                .extract().jsonPath();
        assertThat(keywords.getList("keywords", String.class)).hasSize(5);
        assertThat(keywords.getList("entities", String.class)).contains("Harbridge");

        JsonPath headlines = given().contentType(ContentType.JSON).body(Map.of("text", BODY, "count", 2))
                .post("/api/editor/headlines").then().statusCode(200).body("engine", startsWith("extractive")).extract().jsonPath();
        assertThat(headlines.getList("headlines", String.class)).hasSize(2)
                .allSatisfy(h -> assertThat(h).hasSizeLessThanOrEqualTo(90).doesNotEndWith("."));
    }

    @Test
    void pastedControlCharactersStayOutOfWhatTheToolsWrite() {
        String pasted = "\u0002Every Harbridge library\u0007 stays open.\u001b " + BODY;
        JsonPath seo = given().contentType(ContentType.JSON).body(Map.of("text", pasted, "title", "Libraries\u0008 stay open"))
                .post("/api/editor/seo").then().statusCode(200).extract().jsonPath();
        assertThat(seo.getString("metaDescription")).isNotBlank().doesNotContainPattern("\\p{Cc}");
        assertThat(seo.getString("slug")).isEqualTo("libraries-stay-open");
        JsonPath summary = given().contentType(ContentType.JSON).body(Map.of("text", pasted, "sentences", 10))
                .post("/api/editor/summarize").then().statusCode(200).extract().jsonPath();
        assertThat(summary.getString("summary")).contains("Every Harbridge library").doesNotContainPattern("[\\p{Cc}&&[^\\n]]");
        // NUL alone is refused, as everywhere in the API: no text needs it and the database cannot hold it
        given().contentType(ContentType.JSON).body(Map.of("text", "\u0000" + BODY)).post("/api/editor/summarize").then()
                .statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void badInputGetsProblems() {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/editor/summarize").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", BODY, "articleId", "x")).post("/api/editor/summarize")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", BODY, "sentences", 11)).post("/api/editor/summarize")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("articleId", uniqueId("none"))).post("/api/editor/seo")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("text", "x".repeat(100_001))).post("/api/editor/summarize")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", BODY, "count", 21)).post("/api/editor/keywords")
                .then().statusCode(400);
    }
}
