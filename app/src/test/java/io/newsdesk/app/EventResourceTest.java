package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventResourceTest {

    @Test
    void aRetriedBatchIsNotCountedTwice() {
        String article = articleExists();
        String reader = uniqueId("reader");
        var batch = Map.of("events", List.of(
                event("e1", reader, "impression", article, "2026-11-20T10:00:00Z"),
                event("e2", reader, "click", article, "2026-11-20T10:00:05Z"),
                withSeconds(event("e3", reader, "read", article, "2026-11-20T10:03:00Z"), 170)));
        given().contentType(ContentType.JSON).body(batch).post("/api/events").then().statusCode(200)
                .body("received", equalTo(3)).body("accepted", equalTo(3)).body("duplicates", equalTo(0));
        given().contentType(ContentType.JSON).body(batch).post("/api/events").then().statusCode(200)
                .body("accepted", equalTo(0)).body("duplicates", equalTo(3));
        given().get("/api/readers/" + reader + "/history").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].type", equalTo("read")).body("items[0].seconds", equalTo(170))
                .body("items[0].article.section", equalTo("sport"));
    }

    @Test
    void eventsAboutMissingArticlesAreRejectedAndTheRestStored() {
        String article = articleExists();
        String reader = uniqueId("reader");
        given().contentType(ContentType.JSON).body(Map.of("events", List.of(
                        event("a", reader, "view", "no-such-article", null),
                        event("b", reader, "like", article, null))))
                .post("/api/events").then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected[0].index", equalTo(0)).body("rejected[0].reason", containsString("no-such-article"));
    }

    @Test
    void anInvalidEventRefusesTheWholeBatch() {
        String article = articleExists();
        String reader = uniqueId("reader");
        given().contentType(ContentType.JSON).body(Map.of("events", List.of(
                        event("ok", reader, "view", article, null),
                        event("bad", reader, "read", article, null))))
                .post("/api/events").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events[1].seconds"));
        given().get("/api/readers/" + reader + "/history").then().statusCode(404)
                .body("type", equalTo("urn:newsdesk:problem:reader-not-found"));
        given().contentType(ContentType.JSON).body(Map.of("events", List.of(event("t", reader, "teleport", article, null))))
                .post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("events[0].type"));
        given().contentType(ContentType.JSON).body(Map.of("events", List.of(event("f", reader, "view", article, "2999-01-01T00:00:00Z"))))
                .post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("events[0].occurredAt"));
        given().contentType(ContentType.JSON).body(Map.of("events", List.of()))
                .post("/api/events").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("events", List.of(event("s", reader, "subscribe", null, null))))
                .post("/api/events").then().statusCode(400).body("errors[0].field", equalTo("events[0].target"));
    }

    @Test
    void batchesAreLimitedInCountAndBytes() {
        String article = articleExists();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(event("m" + i, "reader-many", "view", article, null));
        }
        given().contentType(ContentType.JSON).body(Map.of("events", many)).post("/api/events").then().statusCode(400)
                .body("errors[0].field", equalTo("events"));
        String huge = "{\"events\":[" + ("{\"id\":\"x\",\"readerId\":\"r\",\"type\":\"view\",\"articleId\":\"" + article + "\"},").repeat(16000) + "]}";
        given().contentType(ContentType.JSON).body(huge).post("/api/events").then().statusCode(413);
    }

    @Test
    void historyIsNewestFirstPagedAndFilteredAndOutlivesTheArticle() {
        String article = articleExists();
        String reader = uniqueId("reader");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event("h" + i, reader, i % 2 == 0 ? "view" : "like", article, "2026-11-1" + i + "T10:00:00Z"));
        }
        events.add(Map.of("id", "sub", "readerId", reader, "type", "subscribe", "target", "section:sport",
                "occurredAt", "2026-11-09T10:00:00Z"));
        given().contentType(ContentType.JSON).body(Map.of("events", events)).post("/api/events").then().statusCode(200)
                .body("accepted", equalTo(6));

        var first = given().queryParam("limit", 4).get("/api/readers/" + reader + "/history").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.eventId")).containsExactly("h4", "h3", "h2", "h1");
        given().queryParam("limit", 4).queryParam("cursor", first.getString("nextCursor")).get("/api/readers/" + reader + "/history")
                .then().body("items.eventId", equalTo(List.of("h0", "sub"))).body("nextCursor", nullValue());
        given().queryParam("type", "like").get("/api/readers/" + reader + "/history")
                .then().body("items.eventId", equalTo(List.of("h3", "h1")));
        given().queryParam("type", "dance").get("/api/readers/" + reader + "/history").then().statusCode(400);

        given().delete("/api/articles/" + article).then().statusCode(204);
        given().get("/api/readers/" + reader + "/history").then().statusCode(200)
                .body("items[0].articleId", equalTo(article)).body("items[0].article", nullValue());
    }

    private static String articleExists() {
        String id = uniqueId("evt");
        put(id, article("Cup final report", "sport", "The cup final ended 2-1.")).then().statusCode(201);
        return id;
    }

    private static Map<String, Object> event(String id, String reader, String type, String article, String at) {
        Map<String, Object> e = new HashMap<>();
        e.put("id", id);
        e.put("readerId", reader);
        e.put("type", type);
        if (article != null) {
            e.put("articleId", article);
        }
        if (at != null) {
            e.put("occurredAt", at);
        }
        return e;
    }

    private static Map<String, Object> withSeconds(Map<String, Object> event, int seconds) {
        event.put("seconds", seconds);
        return event;
    }
}
