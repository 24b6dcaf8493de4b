package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ArticleResourceTest {

    @Test
    void createsReadsReplacesAndDeletesAnArticle() {
        String id = uniqueId("crud");
        String location = put(id, article("Harbour bridge reopens", "news", "<p>The bridge <b>reopened</b> today.</p><p>Traffic flows.</p>"))
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("bodyFormat", equalTo("html"))
                .body("bodyText", equalTo("The bridge reopened today.\n\nTraffic flows."))
                .body("publishedAt", notNullValue())
                .extract().header("Location");
        org.assertj.core.api.Assertions.assertThat(location).endsWith("/api/articles/" + id);

        given().get("/api/articles/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("title", equalTo("Harbour bridge reopens")).body("tags", hasItem("test"));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(article("Harbour bridge reopens to buses", "news", "Only buses for now."))
                .put("/api/articles/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("bodyFormat", equalTo("text"));

        given().delete("/api/articles/" + id).then().statusCode(204);
        given().get("/api/articles/" + id).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:newsdesk:problem:article-not-found"))
                .body("detail", containsString(id));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String id = uniqueId("stale");
        put(id, article("First version", "news", "one")).then().statusCode(201);
        put(id, article("Second version", "news", "two")).then().statusCode(200).header("ETag", "\"1\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(article("Lost update", "news", "three")).put("/api/articles/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:newsdesk:problem:precondition-failed"))
                .body("currentVersion", equalTo(1));
        given().get("/api/articles/" + id).then().body("title", equalTo("Second version"));
        given().header("If-Match", "\"0\"").delete("/api/articles/" + id).then().statusCode(412);
        given().get("/api/articles/" + id).then().statusCode(200);
    }

    @Test
    void aPutThatChangesNothingKeepsTheVersion() {
        String id = uniqueId("same");
        Map<String, Object> body = new HashMap<>(article("Same story", "sport", "Body"));
        body.put("publishedAt", "2026-11-01T08:00:00Z");
        put(id, body).then().statusCode(201).header("ETag", "\"0\"");
        put(id, body).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void ifNoneMatchStarOnlyCreates() {
        String id = uniqueId("once");
        given().contentType(ContentType.JSON).header("If-None-Match", "*").body(article("Only once", "news", "x"))
                .put("/api/articles/" + id).then().statusCode(201);
        given().contentType(ContentType.JSON).header("If-None-Match", "*").body(article("Twice", "news", "y"))
                .put("/api/articles/" + id).then().statusCode(412);
        given().get("/api/articles/" + id).then().body("title", equalTo("Only once"));
    }

    @Test
    void aGetWithTheCurrentEtagIsNotModified() {
        String id = uniqueId("etag");
        put(id, article("Cached", "news", "x")).then().statusCode(201);
        given().header("If-None-Match", "\"0\"").get("/api/articles/" + id).then().statusCode(304);
        given().header("If-None-Match", "\"7\"").get("/api/articles/" + id).then().statusCode(200);
    }

    @Test
    void listsNewestFirstPageByPage() {
        String section = "list-" + uniqueId("s").substring(2, 10).toLowerCase();
        for (int day = 1; day <= 3; day++) {
            Map<String, Object> body = new HashMap<>(article("Day " + day, section, "x"));
            body.put("publishedAt", "2026-11-0" + day + "T12:00:00Z");
            put(uniqueId("day" + day), body).then().statusCode(201);
        }
        var first = given().queryParam("section", section).queryParam("limit", 2).get("/api/articles")
                .then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(first.getList("items.title")).containsExactly("Day 3", "Day 2");
        given().queryParam("section", section).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .get("/api/articles").then().statusCode(200)
                .body("items.title", equalTo(List.of("Day 1"))).body("nextCursor", nullValue());
        given().queryParam("cursor", "not-a-cursor").get("/api/articles").then().statusCode(400)
                .body("detail", containsString("cursor"));
        given().queryParam("kind", "novel").get("/api/articles").then().statusCode(400).body("detail", containsString("kind"));
    }

    @Test
    void malformedJsonIsA400AndStoresNothing() {
        String id = uniqueId("broken");
        given().contentType(ContentType.JSON).body("{\"title\": \"x\", \"section\": ").put("/api/articles/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:newsdesk:problem:malformed-json"))
                .body("stacktrace", nullValue());
        given().get("/api/articles/" + id).then().statusCode(404);
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        String id = uniqueId("unknown");
        Map<String, Object> body = new HashMap<>(article("Title", "news", "x"));
        body.put("headline", "not a field");
        put(id, body).then().statusCode(400)
                .body("type", equalTo("urn:newsdesk:problem:invalid-request"))
                .body("errors[0].field", equalTo("headline"))
                .body("detail", containsString("unknown field"));
        given().get("/api/articles/" + id).then().statusCode(404);
    }

    @Test
    void wrongTypesAreRefusedByField() {
        String id = uniqueId("types");
        Map<String, Object> body = new HashMap<>(article("Title", "news", "x"));
        body.put("publishedAt", "yesterday");
        put(id, body).then().statusCode(400).body("errors[0].field", equalTo("publishedAt"));
        body.put("publishedAt", "2026-11-01T00:00:00Z");
        body.put("durationSeconds", "long");
        put(id, body).then().statusCode(400).body("errors[0].field", equalTo("durationSeconds"))
                .body("detail", containsString("integer")).body("detail", not(containsString("java")));
        body.put("durationSeconds", 60);
        body.put("kind", "novel");
        put(id, body).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().get("/api/articles/" + id).then().statusCode(404);
    }

    @Test
    void constraintViolationsNameEveryField() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", " ");
        body.put("section", "Not A Slug");
        body.put("canonicalUrl", "ftp://nowhere");
        put(uniqueId("invalid"), body).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("canonicalUrl", "section", "title"));
        given().contentType(ContentType.JSON).put("/api/articles/" + uniqueId("nobody")).then().statusCode(400);
    }

    @Test
    void invalidIdsAreRefused() {
        put("bad%20id", article("T", "news", "x")).then().statusCode(400).body("detail", containsString("id"));
        put("x".repeat(129), article("T", "news", "x")).then().statusCode(400);
        given().get("/api/articles/-leading-dash").then().statusCode(400);
    }

    @Test
    void oversizedBodiesAreRefusedBeforeReading() {
        String id = uniqueId("huge");
        String body = "{\"title\":\"Huge\",\"section\":\"news\",\"body\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(body).put("/api/articles/" + id)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:newsdesk:problem:payload-too-large"))
                .body("limitBytes", equalTo(2 * 1024 * 1024));
        given().get("/api/articles/" + id).then().statusCode(404);
    }

    @Test
    void wrongMediaTypesAndRoutesAreProblems() {
        given().contentType(ContentType.XML).body("<article/>").put("/api/articles/" + uniqueId("xml"))
                .then().statusCode(415).contentType("application/problem+json");
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        given().post("/api/articles/abc").then().statusCode(405).contentType("application/problem+json");
    }
}
