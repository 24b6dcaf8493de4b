package io.newsdesk.app;

import static io.newsdesk.app.Api.awaitJob;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ArticleImportTest {

    @Test
    void importsGoodLinesAndReportsBadOnesByLineNumber() {
        String a = uniqueId("imp");
        String b = uniqueId("imp");
        String c = uniqueId("imp");
        String ndjson = String.join("\n",
                line(a, "Ferry strike ends"),
                "{\"id\": \"broken\", \"title\": ",
                line(b, "Tram line extension approved"),
                "{\"id\":\"" + uniqueId("x") + "\",\"title\":\"t\",\"section\":\"news\",\"sneaky\":1}",
                "",
                "{\"id\":\"" + uniqueId("y") + "\",\"title\":\"\",\"section\":\"news\"}",
                "{\"title\":\"No id\",\"section\":\"news\"}",
                line(c, "Library extends opening hours")) + "\n";
        var accepted = given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/articles:import").then().statusCode(202)
                .body("type", equalTo("article-import")).extract();
        String job = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith("/api/jobs/" + job);
        awaitJob(job, "succeeded");

        var result = given().get("/api/jobs/" + job).then().statusCode(200)
                .body("progress.done", equalTo(7)).body("progress.total", equalTo(7))
                .extract().jsonPath();
        assertThat(result.getInt("result.created")).isEqualTo(3);
        assertThat(result.getInt("result.failed")).isEqualTo(4);
        assertThat(result.getList("result.errors.line")).containsExactly(2, 4, 6, 7);
        List<String> messages = result.getList("result.errors.message");
        assertThat(messages.get(0)).contains("malformed JSON");
        assertThat(messages.get(1)).contains("sneaky");
        assertThat(messages.get(2)).contains("title");
        assertThat(messages.get(3)).contains("id");
        for (String id : List.of(a, b, c)) {
            given().get("/api/articles/" + id).then().statusCode(200);
        }

        // importing the same file again changes nothing
        String again = given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8)).post("/api/articles:import")
                .then().statusCode(202).extract().path("id");
        awaitJob(again, "succeeded");
        given().get("/api/jobs/" + again).then().body("result.unchanged", equalTo(3)).body("result.created", equalTo(0));
        given().get("/api/articles/" + a).then().header("ETag", "\"0\"");
    }

    @Test
    void refusesEmptyNonUtf8AndOtherMediaTypes() {
        given().contentType("application/x-ndjson").body(new byte[0]).post("/api/articles:import").then().statusCode(400);
        given().contentType("application/x-ndjson").body(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41})
                .post("/api/articles:import").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("UTF-8"));
        given().contentType("application/json").body(Map.of("id", "x")).post("/api/articles:import").then().statusCode(415);
    }

    private static String line(String id, String title) {
        return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"section\":\"news\",\"body\":\"<p>" + title + ".</p>\"}";
    }
}
