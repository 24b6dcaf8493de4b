package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.await;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.searchFinds;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SearchResourceTest {

    @Test
    void aStoredArticleBecomesSearchableAndADeletedOneDisappears() {
        String id = uniqueId("zeppelin");
        put(id, article("Zeppelin hangar becomes a climbing centre", "news",
                "The old airship hangar at Cardington Fields will open as an indoor climbing centre in spring."))
                .then().statusCode(201);
        await("the article is searchable", () -> searchFinds("airship hangar climbing", id));
        given().queryParam("q", "airship hangar climbing").get("/api/search").then().statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].titleHighlight", containsString("<mark>"))
                .body("mode", equalTo("hybrid"));
        // by meaning, without its words
        await("found by meaning", () -> searchFinds("former blimp shed turned into a bouldering gym", id));

        given().delete("/api/articles/" + id).then().statusCode(204);
        await("the deleted article is gone from search", () -> !searchFinds("airship hangar climbing", id));
    }

    @Test
    void filtersBySectionKindAndDate() {
        String section = "filt-" + uniqueId("x").substring(2, 8).toLowerCase();
        String old = uniqueId("old");
        String recent = uniqueId("recent");
        Map<String, Object> a = new HashMap<>(article("Lighthouse keeper retires after forty years", section, "The lighthouse keeper retires."));
        a.put("publishedAt", "2025-01-10T09:00:00Z");
        put(old, a).then().statusCode(201);
        Map<String, Object> b = new HashMap<>(article("Lighthouse restored with a new lamp", section, "The lighthouse lamp is new."));
        b.put("publishedAt", "2026-11-10T09:00:00Z");
        b.put("kind", "video");
        put(recent, b).then().statusCode(201);
        await("both are searchable", () -> searchFinds("lighthouse keeper lamp", old) && searchFinds("lighthouse restored lamp", recent));

        List<String> inSection = given().queryParam("q", "lighthouse").queryParam("section", section).get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(inSection).containsExactlyInAnyOrder(old, recent);
        given().queryParam("q", "lighthouse").queryParam("section", section).queryParam("from", "2026-01-01")
                .get("/api/search").then().body("items.id", equalTo(List.of(recent)));
        given().queryParam("q", "lighthouse").queryParam("section", section).queryParam("to", "2025-01-10")
                .get("/api/search").then().body("items.id", equalTo(List.of(old)));
        given().queryParam("q", "lighthouse").queryParam("section", section).queryParam("kind", "video")
                .get("/api/search").then().body("items.id", equalTo(List.of(recent)));
    }

    @Test
    void cursorsPageThroughResultsWithoutRepeats() {
        String section = "page-" + uniqueId("x").substring(2, 8).toLowerCase();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = uniqueId("page" + i);
            ids.add(id);
            put(id, article("Marathon route change number " + i, section, "The marathon route changes again.")).then().statusCode(201);
        }
        await("all are searchable", () -> ids.stream().allMatch(id -> searchFinds("marathon route change number", id)
                || given().queryParam("q", "marathon").queryParam("section", section).queryParam("limit", 50).get("/api/search")
                        .then().extract().jsonPath().getList("items.id").contains(id)));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParam("q", "marathon route").queryParam("section", section).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get("/api/search").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);

        String first = given().queryParam("q", "marathon route").queryParam("section", section).queryParam("limit", 2)
                .get("/api/search").then().extract().path("nextCursor");
        given().queryParam("q", "something else").queryParam("cursor", first).get("/api/search")
                .then().statusCode(400).body("detail", containsString("another query"));
    }

    @Test
    void badParametersAre400Problems() {
        given().get("/api/search").then().statusCode(400).contentType("application/problem+json").body("detail", containsString("q"));
        given().queryParam("q", "x".repeat(501)).get("/api/search").then().statusCode(400);
        given().queryParam("q", "news").queryParam("mode", "magic").get("/api/search").then().statusCode(400)
                .body("detail", containsString("mode"));
        given().queryParam("q", "news").queryParam("from", "last week").get("/api/search").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("q", "news").queryParam("from", "2026-02-01").queryParam("to", "2026-01-01").get("/api/search")
                .then().statusCode(400);
        given().queryParam("q", "news").queryParam("limit", 0).get("/api/search").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("q", "news").queryParam("section", "Bad Section").get("/api/search").then().statusCode(400);
        given().queryParam("q", "news").queryParam("mode", "bm25").get("/api/search").then().statusCode(200)
                .body("mode", equalTo("bm25"));
    }

    @Test
    void theIndexCanBeRebuiltFromTheDatabase() {
        String id = uniqueId("rebuild");
        put(id, article("Rebuilt index still finds the ferry timetable", "news", "Ferry timetable.")).then().statusCode(201);
        await("searchable", () -> searchFinds("ferry timetable rebuilt", id));
        String job = given().post("/api/index:rebuild").then().statusCode(202)
                .body("type", equalTo("index-rebuild")).extract().path("id");
        Api.awaitJob(job, "succeeded");
        var status = given().get("/api/index").then().statusCode(200).body("state", equalTo("ready")).extract().jsonPath();
        assertThat(status.getInt("documents")).isEqualTo(status.getInt("articles"));
        assertThat(searchFinds("ferry timetable rebuilt", id)).isTrue();
    }
}
