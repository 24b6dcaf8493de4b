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
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RecommendationResourceTest {

    @Test
    void trendingRanksByDecayedEngagementAndSaysWhy() {
        String section = "trend-" + uniqueId("x").substring(2, 8).toLowerCase();
        String hot = uniqueId("hot");
        String warm = uniqueId("warm");
        String hidden = uniqueId("hidden");
        for (String id : List.of(hot, warm, hidden)) {
            put(id, article("Story " + id, section, "Body")).then().statusCode(201);
        }
        List<Map<String, Object>> events = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            events.add(Api.event("reader-" + r + "-" + hot, "read", hot, 120));
            events.add(Api.event("reader-" + r + "-" + hot, "like", hot, null));
        }
        events.add(Api.event("reader-w-" + warm, "view", warm, null));
        events.add(Api.event("reader-h-" + hidden, "hide", hidden, null));
        given().contentType(ContentType.JSON).body(Map.of("events", events)).post("/api/events").then().statusCode(200);

        given().queryParam("section", section).get("/api/trending").then().statusCode(200)
                .body("items.id", equalTo(List.of(hot, warm)))
                .body("items[0].sources", equalTo(List.of("trending")))
                .body("items[0].reason", containsString("popular in"))
                .body("items[0].reason", containsString("today"))
                .body("items[0].reason", containsString("3 readers"));
        given().queryParam("section", section).queryParam("window", "7d").get("/api/trending").then().statusCode(200)
                .body("items[0].reason", containsString("this week"));
        given().queryParam("window", "99y").get("/api/trending").then().statusCode(400)
                .body("errors[0].field", equalTo("window"));
        given().queryParam("window", "0h").get("/api/trending").then().statusCode(400);
        given().queryParam("limit", "abc").get("/api/trending").then().statusCode(400)
                .body("detail", containsString("wrong type"));
        given().get("/api/no-such-thing").then().statusCode(404);
    }

    @Test
    void relatedFindsSimilarArticlesBeforeAnyoneReadsThemAndCoReadOnesAfter() {
        String section = "rel-" + uniqueId("x").substring(2, 8).toLowerCase();
        String flood = uniqueId("flood");
        String flood2 = uniqueId("flood2");
        String chess = uniqueId("chess");
        put(flood, article("River bursts its banks and floods the old town", section,
                "Homes along the river were flooded overnight and families moved to the school hall.")).then().statusCode(201);
        put(flood2, article("Flood defences to be raised after river swamps houses", section,
                "The council will raise the flood walls along the river after this week's flooding.")).then().statusCode(201);
        put(chess, article("Teenager wins the county chess championship", section,
                "A fourteen-year-old won the county chess title with a bold rook sacrifice.")).then().statusCode(201);
        await("indexed", () -> searchFinds("county chess championship", chess) && searchFinds("flood defences raised", flood2));

        given().queryParam("section", section).get("/api/articles/" + flood + "/related").then().statusCode(200)
                .body("items[0].id", equalTo(flood2))
                .body("items[0].sources", equalTo(List.of("content-similar")))
                .body("items[0].reason", containsString("similar to"));

        List<Map<String, Object>> events = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            String reader = "co-" + r + "-" + flood;
            events.add(Api.event(reader, "read", flood, 60));
            events.add(Api.event(reader, "read", chess, 60));
        }
        given().contentType(ContentType.JSON).body(Map.of("events", events)).post("/api/events").then().statusCode(200);
        var items = given().queryParam("section", section).get("/api/articles/" + flood + "/related").then().statusCode(200)
                .extract().jsonPath();
        int chessAt = items.getList("items.id").indexOf(chess);
        assertThat(chessAt).isGreaterThanOrEqualTo(0);
        assertThat(items.getList("items[" + chessAt + "].sources", String.class)).contains("co-read");
        assertThat(items.getString("items[" + chessAt + "].reason")).contains("also read it (3 readers)");
        assertThat(items.getList("items.id")).doesNotContain(flood);

        given().get("/api/articles/no-such-article/related").then().statusCode(404)
                .body("type", equalTo("urn:newsdesk:problem:article-not-found"));
        given().queryParam("limit", 0).get("/api/articles/" + flood + "/related").then().statusCode(400);
    }
}
