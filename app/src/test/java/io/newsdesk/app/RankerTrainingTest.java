package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.event;
import static io.newsdesk.app.Api.postEvents;
import static io.newsdesk.app.Api.await;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.searchFinds;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ranker-training job learns from logged impressions and clicks: half the readers click what they follow in
 * one section, half in another. Seeded; the seed is in the assertion messages.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RankerTrainingTest {

    static final long SEED = 5;

    /** First: it trains on every logged impression, and the next test's would change its validation data. */
    @Test
    @Order(1)
    void trainsAVersionFromImpressionsAndServesItOnlyIfPromoted() {
        Random random = new Random(SEED);
        String suffix = uniqueId("x").substring(2, 8).toLowerCase();
        String rowing = "rowing-" + suffix;
        String opera = "opera-" + suffix;
        List<String> rowingIds = new ArrayList<>();
        List<String> operaIds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String r = uniqueId("row");
            put(r, article("Rowing crew " + i + " wins the regatta on the river", rowing, "The rowing crew won by a length.")).then().statusCode(201);
            rowingIds.add(r);
            String o = uniqueId("opera");
            put(o, article("Opera company " + i + " stages a new production of Tosca", opera, "The opera opened to applause.")).then().statusCode(201);
            operaIds.add(o);
        }
        await("indexed", () -> searchFinds("opera company 7 Tosca", operaIds.get(7)) && searchFinds("rowing crew 7 regatta", rowingIds.get(7)));

        Instant start = Instant.now().minus(3, ChronoUnit.DAYS);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            String reader = "trainee-" + r + "-" + suffix;
            boolean rower = r < 20;
            List<String> mine = rower ? rowingIds : operaIds;
            Instant t = start.plus(r, ChronoUnit.MINUTES);
            events.add(event(reader, "read", mine.get(0), t, 120));
            for (int k = 0; k < 10; k++) {
                boolean fromMine = random.nextBoolean();
                String shown = (fromMine ? mine : (rower ? operaIds : rowingIds)).get(1 + random.nextInt(7));
                Instant at = t.plus(2 + k, ChronoUnit.HOURS);
                events.add(event(reader, "impression", shown, at, null));
                if (fromMine ? random.nextDouble() < 0.8 : random.nextDouble() < 0.05) {
                    events.add(event(reader, "click", shown, at.plusSeconds(5), null));
                }
            }
        }
        postEvents(events);

        String job = given().post("/api/ranker/models:train").then().statusCode(202)
                .body("type", equalTo("ranker-training")).extract().path("id");
        Api.awaitJob(job, "succeeded");
        JsonPath result = given().get("/api/jobs/" + job).then().extract().jsonPath();
        assertThat(result.getInt("result.examples")).as("seed " + SEED).isGreaterThanOrEqualTo(400);
        assertThat(result.getDouble("result.validAuc")).as("validation AUC, seed " + SEED).isGreaterThan(0.7);
        assertThat(result.getList("result.features", String.class)).contains("profile_similarity", "section_affinity");

        JsonPath models = given().get("/api/ranker/models").then().statusCode(200).extract().jsonPath();
        int version = models.getInt("[0].version");
        boolean promoted = models.getBoolean("[0].promoted");
        assertThat(promoted).isEqualTo(models.getDouble("[0].validAuc") > models.getDouble("[0].heuristicAuc"));
        String rankedBy = given().get("/api/readers/trainee-0-" + suffix + "/feed").then().statusCode(200).extract().path("rankedBy");
        assertThat(rankedBy).isEqualTo(promoted ? "mlp-v" + version : "heuristic-fusion");
    }

    /**
     * Impressions of items the service itself served: the feed logs how each candidate source ranked every item,
     * so a ranker trained on just these impressions reads the source ranks as features.
     */
    @Test
    @Order(2)
    void learnsFromTheSourceRanksLoggedWhenFeedsWereServed() {
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String suffix = uniqueId("x").substring(2, 8).toLowerCase();
        String sailing = "sailing-" + suffix;
        List<String> sailingIds = new ArrayList<>();
        // distinct stories: near-duplicates would leave a feed with one of them, and too few impressions to train on
        List<String> titles = List.of("Sailing team crosses the channel in record time", "Yacht club opens its doors to young sailors",
                "Storm forces the offshore race to turn back", "Harbour plans a new marina for visiting boats",
                "Olympic dinghy hopeful trains through the winter", "Lifeboat crew rescues a stranded catamaran",
                "Round-the-world skipper sets off from the quay", "Tall ship festival returns to the estuary");
        for (String title : titles) {
            String id = uniqueId("sail");
            put(id, article(title, sailing, "The crew sailed overnight.")).then().statusCode(201);
            sailingIds.add(id);
        }
        await("indexed", () -> searchFinds("tall ship festival estuary", sailingIds.get(7)));
        List<Map<String, Object>> history = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            history.add(event("served-" + r + "-" + suffix, "read", sailingIds.get(r % 3), Instant.now().minusSeconds(600), 90));
        }
        given().contentType(ContentType.JSON).body(Map.of("events", history)).post("/api/events").then().statusCode(200);

        int impressions = 0;
        for (int r = 0; r < 30; r++) {
            String reader = "served-" + r + "-" + suffix;
            JsonPath feed = given().get("/api/readers/" + reader + "/feed?limit=10").then().statusCode(200).extract().jsonPath();
            List<String> ids = feed.getList("items.id", String.class);
            List<String> sections = feed.getList("items.section", String.class);
            List<Map<String, Object>> events = new ArrayList<>();
            Instant shownAt = Instant.now();
            for (int k = 0; k < ids.size(); k++) {
                events.add(event(reader, "impression", ids.get(k), shownAt, null));
                if (sections.get(k).equals(sailing)) {
                    events.add(event(reader, "click", ids.get(k), shownAt.plusSeconds(3), null));
                }
            }
            impressions += ids.size();
            given().contentType(ContentType.JSON).body(Map.of("events", events)).post("/api/events").then().statusCode(200);
        }

        String job = given().queryParam("since", since.toString()).post("/api/ranker/models:train").then().statusCode(202)
                .extract().path("id");
        Api.awaitJob(job, "succeeded");
        JsonPath result = given().get("/api/jobs/" + job).then().extract().jsonPath();
        assertThat(result.getInt("result.examples")).isEqualTo(impressions);
        assertThat(result.getList("result.features", String.class))
                .as("every impression followed a logged serving, so the source ranks are features")
                .contains("profile_similarity", "source_vector_profile", "source_trending", "source_fresh");

        given().queryParam("since", "yesterday").post("/api/ranker/models:train").then().statusCode(400)
                .body("type", equalTo("urn:newsdesk:problem:invalid-request"));
    }
}
