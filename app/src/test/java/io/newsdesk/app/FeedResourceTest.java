package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.await;
import static io.newsdesk.app.Api.event;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personalised feed on the real service: sources, filtering, diversity, cold start, pages. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FeedResourceTest {

    static final String SPORT = "sport-" + uniqueId("s").substring(2, 8).toLowerCase();
    static final String OTHER = "arts-" + uniqueId("s").substring(2, 8).toLowerCase();
    static final List<String> SPORT_IDS = new ArrayList<>();
    static final List<String> OTHER_IDS = new ArrayList<>();
    static final String[] SPORT_TITLES = {
        "Harbridge Town win the cup final after extra time", "Rovers striker scores a hat-trick in the derby",
        "Cricket club clinches the county title on the last day", "Marathon runner breaks the course record in the rain",
        "Tennis teenager reaches her first professional final", "Rugby side stage a late comeback to stay up",
        "Cyclist takes the mountain stage with a solo attack", "Swimmer sets a national record in the 200m freestyle",
        "Goalkeeper saves two penalties as United reach the semi-final", "Boxing club celebrates its first national champion",
        "Hockey team unbeaten after ten league matches", "Athletics coach names squad for the indoor championships"};
    static final String[] OTHER_TITLES = {
        "Gallery opens a retrospective of the painter's seascapes", "Theatre revives a forgotten comedy for winter",
        "Poet laureate reads new work at the library", "Orchestra premieres a symphony about the harbour",
        "Film festival announces its opening night documentary", "Museum restores a medieval tapestry"};

    /** Once per class, but after the service has started (a static BeforeAll would run before it). */
    @BeforeEach
    void newsroom() {
        if (!SPORT_IDS.isEmpty()) {
            return;
        }
        for (String title : SPORT_TITLES) {
            String id = uniqueId("sp");
            SPORT_IDS.add(id);
            put(id, article(title, SPORT, title + ". The match report and reaction from the players.")).then().statusCode(201);
        }
        for (String title : OTHER_TITLES) {
            String id = uniqueId("ar");
            OTHER_IDS.add(id);
            put(id, article(title, OTHER, title + ". A review of the evening and the audience response.")).then().statusCode(201);
        }
        await("all indexed", () -> searchFinds(SPORT_TITLES[SPORT_TITLES.length - 1], SPORT_IDS.get(SPORT_IDS.size() - 1))
                && searchFinds(OTHER_TITLES[OTHER_TITLES.length - 1], OTHER_IDS.get(OTHER_IDS.size() - 1)));
    }

    @Test
    void aSportReaderGetsMostlySportWithSomeDiversityAndNothingAlreadyRead() {
        String reader = uniqueId("fan");
        List<String> read = SPORT_IDS.subList(0, 4);
        post(read.stream().map(id -> event(reader, "read", id, 120)).toList());

        JsonPath feed = feed(reader, Map.of("limit", 10));
        List<String> ids = feed.getList("items.id");
        List<String> sections = feed.getList("items.section");
        assertThat(feed.getBoolean("coldStart")).isFalse();
        assertThat(ids).doesNotContainAnyElementsOf(read);
        long sport = sections.stream().filter(SPORT::equals).count();
        assertThat(sport).as("sport items in " + sections).isGreaterThanOrEqualTo(5);
        assertThat(sections.stream().distinct().count()).as("sections in " + sections).isGreaterThan(1);
        List<String> reasons = feed.getList("items.reason");
        assertThat(reasons.get(ids.indexOf(ids.stream().filter(SPORT_IDS::contains).findFirst().orElseThrow())))
                .startsWith("because you read");
    }

    @Test
    void hiddenAndDeletedArticlesLeaveTheFeed() {
        String reader = uniqueId("picky");
        post(List.of(event(reader, "read", SPORT_IDS.get(5), 90), event(reader, "like", SPORT_IDS.get(5), null)));
        List<String> before = feed(reader, Map.of("limit", 30)).getList("items.id");
        String hide = before.stream().filter(SPORT_IDS::contains).findFirst().orElseThrow();
        post(List.of(event(reader, "hide", hide, null)));
        assertThat(feed(reader, Map.of("limit", 30)).getList("items.id", String.class)).doesNotContain(hide);

        String doomed = uniqueId("doomed");
        put(doomed, article("Cup final replay ordered after floodlight failure", SPORT, "The cup final will be replayed."))
                .then().statusCode(201);
        await("indexed", () -> searchFinds("floodlight failure replay", doomed));
        await("in the feed", () -> feed(reader, Map.of("limit", 50)).getList("items.id").contains(doomed));
        given().delete("/api/articles/" + doomed).then().statusCode(204);
        assertThat(feed(reader, Map.of("limit", 50)).getList("items.id", String.class)).doesNotContain(doomed);
    }

    @Test
    void aComputedFeedServesTheNextVisitLessWhatTheReaderTookUpAndIsComputedAgainInTheBackground() {
        String reader = uniqueId("regular");
        post(List.of(event(reader, "read", SPORT_IDS.get(1), 120), event(reader, "read", OTHER_IDS.get(4), 60)));
        JsonPath first = feed(reader, Map.of("limit", 6));
        List<String> six = first.getList("items.id", String.class);
        JsonPath visit = feed(reader, Map.of("limit", 3));
        assertThat(visit.getString("computedAt")).isEqualTo(first.getString("computedAt"));
        assertThat(visit.getList("items.id", String.class)).isEqualTo(six.subList(0, 3));
        JsonPath page2 = feed(reader, Map.of("limit", 3, "cursor", visit.getString("nextCursor")));
        assertThat(page2.getList("items.id", String.class)).isEqualTo(six.subList(3, 6));

        Instant clicked = Instant.now();
        post(List.of(event(reader, "click", six.get(0), null)));
        assertThat(feed(reader, Map.of("limit", 6)).getList("items.id", String.class)).doesNotContain(six.get(0))
                .contains(six.get(1));
        // the first visit that finds a newer feed finds one computed before it asked: in the background
        Instant[] askedAndComputed = new Instant[2];
        await("the feed is computed again", () -> {
            askedAndComputed[0] = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            askedAndComputed[1] = Instant.parse(feed(reader, Map.of("limit", 6)).getString("computedAt"));
            return askedAndComputed[1].isAfter(clicked);
        });
        assertThat(askedAndComputed[1]).isBefore(askedAndComputed[0]);
        JsonPath refreshed = feed(reader, Map.of("limit", 20));
        assertThat(refreshed.getList("items.id", String.class)).doesNotContain(six.get(0), SPORT_IDS.get(1));
    }

    @Test
    void anArticleThatArrivesAfterAFeedWasKeptJoinsItsNextFirstPageAndOpenPagesStayAsTheyWere() {
        String reader = uniqueId("follower");
        String followed = "world-" + uniqueId("w").substring(2, 8).toLowerCase();
        String elsewhere = "weather-" + uniqueId("w").substring(2, 8).toLowerCase();
        Map<String, Object> subscribe = new HashMap<>(Map.of("id", uniqueId("sub"), "readerId", reader, "type", "subscribe",
                "target", "section:" + followed));
        post(List.of(subscribe, event(reader, "read", SPORT_IDS.get(2), 120)));
        List<String> six = feed(reader, Map.of("limit", 6)).getList("items.id", String.class);
        JsonPath first = feed(reader, Map.of("limit", 3));
        List<String> three = first.getList("items.id", String.class);
        assertThat(three).isEqualTo(six.subList(0, 3));

        String news = uniqueId("news");
        put(news, article("Ceasefire talks resume in the capital", followed, "Delegations met again on Monday.")).then().statusCode(201);
        String unrelated = uniqueId("rain");
        put(unrelated, article("Heavy rain expected on the coast", elsewhere, "A yellow warning is in force.")).then().statusCode(201);

        JsonPath visit = feed(reader, Map.of("limit", 3));
        assertThat(visit.getString("computedAt")).as("still the kept feed").isEqualTo(first.getString("computedAt"));
        assertThat(visit.getList("items.id", String.class)).containsExactly(three.get(0), news, three.get(1));
        assertThat(visit.getString("items[1].reason")).contains("a section you follow");
        assertThat(feed(reader, Map.of("limit", 50)).getList("items.id", String.class)).doesNotContain(unrelated);
        JsonPath openPage = feed(reader, Map.of("limit", 3, "cursor", first.getString("nextCursor")));
        assertThat(openPage.getList("items.id", String.class)).as("the page after the first visit's").isEqualTo(six.subList(3, 6));

        post(List.of(event(reader, "read", news, 60)));
        assertThat(feed(reader, Map.of("limit", 6)).getList("items.id", String.class)).as("read, so gone for good")
                .doesNotContain(news);
    }

    @Test
    void aWarmingSweepComputesTheFeedsOfRecentlyActiveReadersBeforeTheyAsk() {
        String reader = uniqueId("returning");
        post(List.of(event(reader, "read", SPORT_IDS.get(3), 120), event(reader, "read", OTHER_IDS.get(2), 60)));
        Instant started = Instant.parse(given().post("/api/feed-warming:start").then().statusCode(202)
                .body("running", equalTo(true)).extract().path("startedAt"));
        // the sweep goes most recent reader first: this test's reader is done once any reader is
        await("the first reader warmed", () -> {
            JsonPath sweep = given().get("/api/feed-warming").then().statusCode(200).extract().jsonPath();
            return sweep.getInt("computed") + sweep.getInt("kept") + sweep.getInt("failed") > 0;
        });
        Instant asked = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant computed = Instant.parse(feed(reader, Map.of("limit", 5)).getString("computedAt"));
        assertThat(computed).isAfterOrEqualTo(started.truncatedTo(ChronoUnit.MILLIS)).isBefore(asked);
    }

    @Test
    void theSameStoryFiledTwiceAppearsOnce() {
        String title = "Harbridge Town confirm the signing of a new goalkeeper from Rovers";
        String body = title + ". The goalkeeper signed a three-year contract and trains with the squad on Monday.";
        String original = uniqueId("wire");
        String copy = uniqueId("wire");
        put(original, article(title, SPORT, body)).then().statusCode(201);
        put(copy, article(title, SPORT, body)).then().statusCode(201);
        await("both indexed", () -> searchFinds("goalkeeper signing three-year contract", original)
                && searchFinds("goalkeeper signing three-year contract", copy));
        String reader = uniqueId("keeper-fan");
        post(List.of(event(reader, "read", SPORT_IDS.get(8), 120), event(reader, "read", SPORT_IDS.get(0), 120)));

        List<String> ids = feed(reader, Map.of("limit", 100)).getList("items.id", String.class);
        assertThat(ids.stream().filter(id -> id.equals(original) || id.equals(copy)).count())
                .as("copies of the story in " + ids).isEqualTo(1);
    }

    @Test
    void aNewReaderGetsAColdStartFeedWithTheSectionsTheyFollow() {
        String reader = uniqueId("newbie");
        JsonPath anonymous = feed(reader, Map.of("limit", 10));
        assertThat(anonymous.getBoolean("coldStart")).isTrue();
        assertThat(anonymous.getList("items")).isNotEmpty();

        Map<String, Object> subscribe = new HashMap<>(Map.of("id", uniqueId("sub"), "readerId", reader, "type", "subscribe",
                "target", "section:" + OTHER));
        post(List.of(subscribe));
        JsonPath followed = feed(reader, Map.of("limit", 40));
        assertThat(followed.getBoolean("coldStart")).isTrue();
        List<String> reasons = followed.getList("items.reason");
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("a section you follow"));
        given().get("/api/readers/" + reader + "/profile").then().statusCode(200)
                .body("followedSections", equalTo(List.of(OTHER)));
    }

    @Test
    void pagesAreDisjointAndCursorsAreChecked() {
        String reader = uniqueId("pager");
        post(List.of(event(reader, "read", SPORT_IDS.get(6), 60)));
        JsonPath first = feed(reader, Map.of("limit", 3));
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotNull();
        JsonPath second = feed(reader, Map.of("limit", 3, "cursor", cursor));
        assertThat(second.getList("items.id", String.class)).doesNotContainAnyElementsOf(first.getList("items.id"));
        given().queryParam("cursor", cursor).queryParam("section", SPORT).get("/api/readers/" + reader + "/feed")
                .then().statusCode(400);
        given().queryParam("cursor", "garbage").get("/api/readers/" + reader + "/feed").then().statusCode(400);
        given().queryParam("limit", 0).get("/api/readers/" + reader + "/feed").then().statusCode(400);
        given().get("/api/readers/bad%20id/feed").then().statusCode(400);
        given().get("/api/readers/" + uniqueId("nobody") + "/profile").then().statusCode(404);
    }

    @Test
    void theProfileShowsSectionsAndInterests() {
        String reader = uniqueId("profiled");
        post(List.of(event(reader, "read", SPORT_IDS.get(7), 300), event(reader, "read", OTHER_IDS.get(0), 30)));
        JsonPath profile = given().get("/api/readers/" + reader + "/profile").then().statusCode(200).extract().jsonPath();
        assertThat(profile.getString("sections[0].section")).isEqualTo(SPORT);
        assertThat(profile.getDouble("sections[0].share")).isGreaterThan(profile.getDouble("sections[1].share"));
        assertThat(profile.getList("interests")).isNotEmpty();
    }

    @Test
    void readersWithTheSameTasteAndTheNamesTheyReadAboutBringCandidates() {
        String twin = uniqueId("twin");
        String me = uniqueId("me");
        post(List.of(event(twin, "read", OTHER_IDS.get(1), 60), event(twin, "read", OTHER_IDS.get(2), 60),
                event(twin, "read", OTHER_IDS.get(3), 60), event(me, "read", OTHER_IDS.get(1), 60),
                event(me, "read", OTHER_IDS.get(2), 60)));
        JsonPath feed = feed(me, Map.of("limit", 40, "section", OTHER));
        int at = feed.getList("items.id").indexOf(OTHER_IDS.get(3));
        assertThat(at).as("the twin's third article is proposed").isGreaterThanOrEqualTo(0);
        assertThat(feed.getList("items[" + at + "].sources", String.class)).contains("user-neighbours");

        String named = uniqueId("named");
        Map<String, Object> body = new HashMap<>(article("Quarry owners fined over dust", OTHER, "The quarry owners were fined."));
        body.put("tags", List.of("Kestrel Quarry"));
        put(named, body).then().statusCode(201);
        String mention = uniqueId("mention");
        put(mention, article("Kestrel Quarry expansion goes to appeal", OTHER, "Kestrel Quarry wants to expand.")).then().statusCode(201);
        await("indexed", () -> searchFinds("kestrel quarry appeal", mention) && searchFinds("quarry owners fined dust", named));
        String reader = uniqueId("quarry");
        post(List.of(event(reader, "read", named, 200)));
        JsonPath quarry = feed(reader, Map.of("limit", 40, "section", OTHER));
        int found = quarry.getList("items.id").indexOf(mention);
        assertThat(found).isGreaterThanOrEqualTo(0);
        assertThat(quarry.getList("items[" + found + "].sources", String.class)).contains("bm25-interests");
    }

    @Test
    void theMatrixModelIsRetrainedByAJobAndFeedsTheFeed() {
        String reader = uniqueId("mf");
        String twin = uniqueId("mftwin");
        post(List.of(event(reader, "read", SPORT_IDS.get(8), 60), event(reader, "read", SPORT_IDS.get(9), 60),
                event(twin, "read", SPORT_IDS.get(8), 60), event(twin, "read", SPORT_IDS.get(9), 60),
                event(twin, "read", SPORT_IDS.get(10), 60)));
        String job = given().post("/api/matrix-model:train").then().statusCode(202)
                .body("type", equalTo("matrix-model-training")).extract().path("id");
        Api.awaitJob(job, "succeeded");
        JsonPath model = given().get("/api/matrix-model").then().statusCode(200).extract().jsonPath();
        assertThat(model.getInt("readers")).isGreaterThanOrEqualTo(2);
        assertThat(model.getString("model")).startsWith("ials(");
        JsonPath feed = feed(reader, Map.of("limit", 100));
        assertThat(feed.getList("items.sources").toString()).contains("matrix-model");
    }

    @Test
    void editorPicksReachReadersWithTheEditorsNote() {
        String picked = uniqueId("pick");
        put(picked, article("Our investigation: where the harbour money went", OTHER, "A six-month investigation."))
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("note", "Our investigation")).put("/api/editor-picks/" + picked)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("note", "Our investigation, updated")).put("/api/editor-picks/" + picked)
                .then().statusCode(200);
        String reader = uniqueId("editorial");
        JsonPath feed = feed(reader, Map.of("limit", 100));
        int at = feed.getList("items.id").indexOf(picked);
        assertThat(at).isGreaterThanOrEqualTo(0);
        assertThat(feed.getString("items[" + at + "].reason")).isEqualTo("Our investigation, updated");
        assertThat(feed.getList("items[" + at + "].sources", String.class)).contains("editor-picks");

        given().delete("/api/editor-picks/" + picked).then().statusCode(204);
        given().delete("/api/editor-picks/" + picked).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of()).put("/api/editor-picks/no-such-article").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("until", "2001-01-01T00:00:00Z")).put("/api/editor-picks/" + picked)
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("section", "Not A Slug")).put("/api/editor-picks/" + picked)
                .then().statusCode(400);
    }

    private static JsonPath feed(String reader, Map<String, Object> params) {
        return given().queryParams(params).get("/api/readers/" + reader + "/feed").then().statusCode(200).extract().jsonPath();
    }

    private static void post(List<Map<String, Object>> events) {
        given().contentType(ContentType.JSON).body(Map.of("events", events)).post("/api/events").then().statusCode(200);
    }
}
