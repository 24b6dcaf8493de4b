package io.newsdesk.app;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Small helpers the resource tests share: article bodies, unique ids, bounded waiting. */
final class Api {

    private Api() {
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> article(String title, String section, String body) {
        return Map.of("title", title, "section", section, "body", body, "standfirst", "Standfirst of " + title,
                "tags", java.util.List.of("test"), "authors", java.util.List.of("Test Desk"));
    }

    /** A reader event as the portal sends it, with a fresh client id. */
    static Map<String, Object> event(String reader, String type, String article, Integer seconds) {
        Map<String, Object> e = new java.util.HashMap<>();
        e.put("id", uniqueId("ev"));
        e.put("readerId", reader);
        e.put("type", type);
        e.put("articleId", article);
        if (seconds != null) {
            e.put("seconds", seconds);
        }
        return e;
    }

    /** The same, as it happened at {@code at}. */
    static Map<String, Object> event(String reader, String type, String article, java.time.Instant at, Integer seconds) {
        Map<String, Object> e = event(reader, type, article, seconds);
        e.put("occurredAt", at.toString());
        return e;
    }

    /** Posts events in batches of the most one request takes, each expected to be stored. */
    static void postEvents(java.util.List<Map<String, Object>> events) {
        for (int from = 0; from < events.size(); from += 1000) {
            given().contentType(ContentType.JSON).body(Map.of("events", events.subList(from, Math.min(events.size(), from + 1000))))
                    .post("/api/events").then().statusCode(200);
        }
    }

    static Response put(String id, Object body) {
        return given().contentType(ContentType.JSON).body(body).put("/api/articles/" + id);
    }

    /** Waits up to 20 s for {@code condition}: writes reach the index and jobs finish in the background. */
    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    static boolean searchFinds(String query, String id) {
        return given().queryParam("q", query).queryParam("limit", 10).get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("items.id").contains(id);
    }

    static String awaitJob(String jobId, String state) {
        await("job " + jobId + " is " + state,
                () -> state.equals(given().get("/api/jobs/" + jobId).then().extract().path("state")));
        return jobId;
    }
}
