package io.newsdesk.app;

import static io.newsdesk.app.Api.awaitJob;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Text PostgreSQL cannot store (the NUL character) is refused with a 400 naming the field wherever a body is read,
 * and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TextTheDatabaseRefusesTest {

    private static final String NUL = "\u0000";

    @Test
    void anArticleWithANulIsRefusedAndNotStored() {
        String id = uniqueId("nul");
        Map<String, Object> body = new HashMap<>(Api.article("Harbour bridge reopens", "news", "<p>Open.</p>"));
        body.put("title", "Harbour bridge" + NUL + " reopens");
        given().contentType(ContentType.JSON).body(body).put("/api/articles/" + id).then().statusCode(400)
                .body("type", equalTo("urn:newsdesk:problem:invalid-request"))
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", containsString("NUL"));
        given().get("/api/articles/" + id).then().statusCode(404);

        body = new HashMap<>(Api.article("Harbour bridge reopens", "news", "<p>Open.</p>"));
        body.put("tags", List.of("bridges", "harbour" + NUL));
        given().contentType(ContentType.JSON).body(body).put("/api/articles/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("tags[1]"));
        given().get("/api/articles/" + id).then().statusCode(404);
    }

    @Test
    void aBodyThatIsNotUtf8IsRefusedSayingSo() {
        String id = uniqueId("latin1");
        byte[] latin1 = "{\"title\":\"Caf\u00e9 opens\",\"section\":\"news\"}".getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("application/json; charset=ISO-8859-1").body(latin1).put("/api/articles/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("title")).body("errors[0].message", containsString("UTF-8"));
        given().get("/api/articles/" + id).then().statusCode(404);
    }

    @Test
    void anImportLineWithANulIsReportedAndTheOthersLand() {
        String good = uniqueId("nulimp");
        String bad = uniqueId("nulimp");
        String ndjson = "{\"id\":\"" + good + "\",\"title\":\"Ferry timetable\",\"section\":\"news\"}\n"
                + "{\"id\":\"" + bad + "\",\"title\":\"Ferry\\u0000timetable\",\"section\":\"news\"}\n";
        String job = given().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/articles:import").then().statusCode(202).extract().path("id");
        awaitJob(job, "succeeded");
        var result = given().get("/api/jobs/" + job).then().statusCode(200).extract().jsonPath();
        assertThat(result.getInt("result.created")).isEqualTo(1);
        assertThat(result.getList("result.errors.line")).containsExactly(2);
        assertThat(result.getString("result.errors[0].message")).contains("title").contains("NUL");
        given().get("/api/articles/" + good).then().statusCode(200);
        given().get("/api/articles/" + bad).then().statusCode(404);
    }

    @Test
    void aTaxonomySectionOrModelFolderWithANulIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("label", "Harbour" + NUL, "description", "Ships and ferries"))
                .put("/api/editor/taxonomy/harbour-nul").then().statusCode(400).body("errors[0].field", equalTo("label"));
        given().get("/api/editor/taxonomy/harbour-nul").then().statusCode(404);

        given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "qwen" + NUL))
                .put("/api/models/nul-model").then().statusCode(400).body("errors[0].field", equalTo("folder"));
        given().get("/api/models/nul-model").then().statusCode(404);
    }

    @Test
    void aModelNameNoModelCanHaveIsUnknownNotAnError() {
        given().urlEncodingEnabled(false).get("/v1/models/%00").then().statusCode(404)
                .body("error.code", equalTo("model_not_found"));
        given().urlEncodingEnabled(false).get("/v1/models/a%2F..%2Fb").then().statusCode(404);
    }
}
