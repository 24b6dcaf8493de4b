package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.event;
import static io.newsdesk.app.Api.postEvents;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service's engagement exported as an interaction log, and the offline evaluation run on it as a job. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RecommendEvaluationTest {

    @Test
    void exportsOneRowPerReaderAndLiveArticleWithTheStrongestEngagementAndTheFirstTime() {
        String section = uniqueId("export").toLowerCase();
        String shared = create("Shared story", section);
        String read = create("Read story", section);
        String deleted = create("Deleted story", section);
        String shown = create("Shown story", section);
        String reader = uniqueId("exporter");
        Instant first = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        postEvents(List.of(event(reader, "click", shared, first, null), event(reader, "share", shared, first.plusSeconds(60), null),
                event(reader, "read", read, first.plusSeconds(120), 30), event(reader, "click", deleted, first, null),
                event(reader, "impression", shown, first, null)));
        given().delete("/api/articles/" + deleted).then().statusCode(204);

        String tsv = given().queryParam("days", 7).get("/api/recommend-evaluation/interactions").then().statusCode(200)
                .contentType("text/tab-separated-values").extract().asString();
        Map<String, String[]> mine = Arrays.stream(tsv.split("\n")).map(l -> l.split("\t")).filter(f -> f[0].equals(reader))
                .collect(Collectors.toMap(f -> f[1], f -> f));
        assertThat(mine.keySet()).as("deleted articles and mere impressions are not engagement").containsExactlyInAnyOrder(shared, read);
        assertThat(mine.get(shared)).as("the share outweighs the click; the time is the click's")
                .containsExactly(reader, shared, "4", Long.toString(first.getEpochSecond()));
        assertThat(mine.get(read)[2]).as("a read of half a minute").isEqualTo("2.500");

        given().queryParam("days", 366).get("/api/recommend-evaluation/interactions").then().statusCode(400);
        given().queryParam("days", 0).get("/api/recommend-evaluation/interactions").then().statusCode(400);
    }

    @Test
    void evaluatesTheBaselinesAndThePipelineOnTheServicesOwnEngagement() {
        // two groups of readers, each engaging with eight of its own group's ten articles: collaborative models
        // find the rest of a reader's group, popularity cannot tell the groups apart
        String suffix = uniqueId("x").substring(2, 8).toLowerCase();
        Map<String, List<String>> groups = new HashMap<>();
        for (String group : List.of("rowing", "opera")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(create(group + " story " + i, group + "-" + suffix));
            }
            groups.put(group, ids);
        }
        Random random = new Random(11);
        Instant start = Instant.now().minus(20, ChronoUnit.DAYS);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int r = 0; r < 24; r++) {
            List<String> own = new ArrayList<>(groups.get(r % 2 == 0 ? "rowing" : "opera"));
            java.util.Collections.shuffle(own, random);
            for (int k = 0; k < 8; k++) {
                events.add(event("evaluee-" + r + "-" + suffix, "click", own.get(k), start.plus(r * 10L + k, ChronoUnit.HOURS), null));
            }
        }
        postEvents(events);

        String job = given().contentType(ContentType.JSON).body(Map.of("seeds", 1, "days", 30))
                .post("/api/recommend-evaluation:run").then().statusCode(202).extract().path("id");
        JsonPath done = awaitFinished(job);
        assertThat(done.getString("state")).as("job %s: %s", job, done.getString("error")).isEqualTo("succeeded");
        assertThat(done.getInt("result.readersEvaluated")).isGreaterThanOrEqualTo(24);
        List<Map<String, Object>> rows = done.getList("result.rows");
        assertThat(rows).extracting(r -> r.get("model")).contains("most popular", "EASE (lambda=250)", "item-kNN (cosine, k=200)",
                "full pipeline (6 sources -> DJL listwise MLP rankers)");
        assertThat(rows).hasSize(12).allSatisfy(r -> assertThat(ndcg(r)).isBetween(0.0, 1.0));
        double popular = ndcgOf(rows, "most popular");
        assertThat(ndcgOf(rows, "EASE (lambda=250)")).as("EASE finds each reader's group").isGreaterThan(popular);
        assertThat(ndcgOf(rows, "item-kNN (cosine, k=200)")).isGreaterThan(popular);

        String sampled = given().contentType(ContentType.JSON).body(Map.of("seeds", 1, "days", 30, "maxReaders", 12, "pipeline", false))
                .post("/api/recommend-evaluation:run").then().statusCode(202).extract().path("id");
        JsonPath few = awaitFinished(sampled);
        assertThat(few.getString("state")).as("job %s: %s", sampled, few.getString("error")).isEqualTo("succeeded");
        assertThat(few.getInt("result.readers")).as("readers drawn at random").isEqualTo(12);
        assertThat(few.getInt("result.readersEvaluated")).as("drawn first among readers the split can test").isEqualTo(12);
        assertThat(few.getList("result.rows")).as("no pipeline rows").hasSize(10);
    }

    @Test
    void refusesBadSettingsAndFailsClearlyWithoutEnoughEngagement() {
        given().contentType(ContentType.JSON).body(Map.of("protocol", "weekly")).post("/api/recommend-evaluation:run").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("seeds", 6)).post("/api/recommend-evaluation:run").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("maxItems", 5001)).post("/api/recommend-evaluation:run").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("maxReaders", 5001)).post("/api/recommend-evaluation:run").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"seeds\": ").post("/api/recommend-evaluation:run").then().statusCode(400);

        String job = given().contentType(ContentType.JSON).body(Map.of("minStrength", 10, "pipeline", false))
                .post("/api/recommend-evaluation:run").then().statusCode(202).extract().path("id");
        JsonPath done = awaitFinished(job);
        assertThat(done.getString("state")).isEqualTo("failed");
        assertThat(done.getString("error")).contains("too little engagement");
    }

    private static double ndcgOf(List<Map<String, Object>> rows, String model) {
        return rows.stream().filter(r -> r.get("model").equals(model) && r.get("fitOn").equals("train+valid"))
                .mapToDouble(RecommendEvaluationTest::ndcg).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static double ndcg(Map<String, Object> row) {
        return ((Number) ((Map<String, Object>) row.get("ndcg")).get("mean")).doubleValue();
    }

    private static JsonPath awaitFinished(String job) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonPath view = given().get("/api/jobs/" + job).then().statusCode(200).extract().jsonPath();
            String state = view.getString("state");
            if (state.equals("succeeded") || state.equals("failed") || state.equals("cancelled")) {
                return view;
            }
            assertThat(Instant.now()).as("job %s still %s", job, state).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static String create(String title, String section) {
        String id = uniqueId("eval");
        put(id, article(title, section, "Body of " + title + ".")).then().statusCode(201);
        return id;
    }
}
