package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.await;
import static io.newsdesk.app.Api.event;
import static io.newsdesk.app.Api.postEvents;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.searchFinds;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A warming sweep at the bound on kept feeds: the service keeps the feeds of two readers, both have theirs, and a
 * third reader became active since. Computing the third reader's feed ahead would push out one of the others', so
 * the sweep passes that reader over and both kept feeds are still served afterwards.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(FeedWarmingAtTheBoundTest.TwoKeptReaders.class)
class FeedWarmingAtTheBoundTest {

    public static class TwoKeptReaders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsdesk.recommend.feed.snapshot-readers", "2",
                    "newsdesk.recommend.feed.snapshot-ttl", "10m");
        }
    }

    @Test
    void aSweepPassesOverAReaderWhoseFeedWouldPushOutAnothersKeptFeed() {
        String section = "sport-" + uniqueId("s").substring(2, 8).toLowerCase();
        List<String> articles = new ArrayList<>();
        for (String title : List.of("Harbridge Town win the cup final after extra time",
                "Rovers striker scores a hat-trick in the derby", "Cricket club clinches the county title on the last day",
                "Marathon runner breaks the course record in the rain", "Tennis teenager reaches her first final")) {
            String id = uniqueId("sp");
            articles.add(id);
            put(id, article(title, section, title + ". The match report and reaction from the players.")).then().statusCode(201);
        }
        await("indexed", () -> searchFinds("Tennis teenager reaches her first final", articles.get(4)));

        String kept1 = uniqueId("kept");
        String kept2 = uniqueId("kept");
        String newcomer = uniqueId("new");
        postEvents(List.of(event(kept1, "read", articles.get(0), 90), event(kept2, "read", articles.get(1), 90)));
        String computed1 = feed(kept1).getString("computedAt");
        String computed2 = feed(kept2).getString("computedAt");
        postEvents(List.of(event(newcomer, "read", articles.get(2), 90)));

        given().post("/api/feed-warming:start").then().statusCode(202);
        await("the sweep done", () -> !given().get("/api/feed-warming").then().statusCode(200).extract().jsonPath()
                .getBoolean("running"));
        JsonPath sweep = given().get("/api/feed-warming").then().extract().jsonPath();
        assertThat(sweep.getInt("readers")).as("the two most recently active readers").isEqualTo(2);
        assertThat(sweep.getInt("noRoom")).as("the newcomer, passed over").isEqualTo(1);
        assertThat(sweep.getInt("kept")).as("a reader whose kept feed is fresh").isEqualTo(1);
        assertThat(sweep.getInt("computed")).isZero();
        assertThat(feed(kept1).getString("computedAt")).as("the first reader's kept feed").isEqualTo(computed1);
        assertThat(feed(kept2).getString("computedAt")).as("the second reader's kept feed").isEqualTo(computed2);
    }

    private static JsonPath feed(String reader) {
        return given().queryParam("limit", 5).get("/api/readers/" + reader + "/feed").then().statusCode(200).extract().jsonPath();
    }
}
