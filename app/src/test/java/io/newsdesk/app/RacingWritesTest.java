package io.newsdesk.app;

import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Writers racing on one resource: each gets an answer that says what happened to its write (created, replaced,
 * deleted, not found, or a conflict to retry), never a 500.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RacingWritesTest {

    private static final int WRITERS = 6;

    /** The status of each of {@code calls}, run together. */
    private static List<Integer> together(List<Callable<Integer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Integer>> pending = new ArrayList<>();
            calls.forEach(call -> pending.add(pool.submit(call)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pending) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void writesOfOneNewArticleEndInOneCreationAndRetriableConflicts() throws Exception {
        String id = uniqueId("race");
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Map<String, Object> body = Api.article("Council vote, version " + w, "news", "<p>Version " + w + ".</p>");
            writes.add(() -> given().contentType(ContentType.JSON).body(body).put("/api/articles/" + id).statusCode());
        }
        List<Integer> statuses = together(writes);
        assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 409, "created, updated or asked to retry");
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        given().get("/api/articles/" + id).then().statusCode(200).body("title", containsString("Council vote"));
    }

    @Test
    void importsOfTheSameNewArticlesAtOnceCreateEachOnceAndReportNoFailures() throws Exception {
        String prefix = uniqueId("race-import");
        StringBuilder ndjson = new StringBuilder();
        for (int k = 0; k < 30; k++) {
            ndjson.append("{\"id\":\"").append(prefix).append('-').append(k).append("\",\"title\":\"Ferry timetable ")
                    .append(k).append("\",\"section\":\"news\"}\n");
        }
        byte[] body = ndjson.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(given().contentType("application/x-ndjson").body(body).post("/api/articles:import").then().statusCode(202)
                    .extract().path("id"));
        }
        int created = 0;
        for (String job : jobs) {
            Api.awaitJob(job, "succeeded");
            var result = given().get("/api/jobs/" + job).then().extract().jsonPath();
            assertThat(result.getList("result.errors")).as("a lost race is tried again, not reported").isEmpty();
            created += result.getInt("result.created");
        }
        assertThat(created).isEqualTo(30);
    }

    @Test
    void aSectionDescribedAndRemovedAtOnceIsCreatedOnceAndNeverAnError() throws Exception {
        String name = uniqueId("race-section");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4 * WRITERS; i++) {
            boolean put = i % 3 != 2;
            String label = "Harbour " + i;
            calls.add(() -> put
                    ? given().contentType(ContentType.JSON).body(Map.of("label", label, "description", "Ships and ferries"))
                            .put("/api/editor/taxonomy/" + name).statusCode()
                    : given().delete("/api/editor/taxonomy/" + name).statusCode());
        }
        List<Integer> statuses = together(calls);
        assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 204 || s == 404, "a write's outcome, never an error");
        given().delete("/api/editor/taxonomy/" + name);
    }

    @Test
    void aModelRegisteredLoadedAndDeletedAtOnceNeverAnswersAnError() throws Exception {
        String name = uniqueId("race-model");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4 * WRITERS; i++) {
            int kind = i % 3;
            calls.add(() -> switch (kind) {
                case 0 -> given().contentType(ContentType.JSON).body(Map.of("task", "text-generation", "folder", "tiny-qwen2"))
                        .put("/api/models/" + name).statusCode();
                case 1 -> given().post("/api/models/" + name + ":load").statusCode();
                default -> given().delete("/api/models/" + name).statusCode();
            });
        }
        List<Integer> statuses = together(calls);
        // 503: a load that a new registration overtook is dropped, and says to retry
        assertThat(statuses).allMatch(s -> s == 200 || s == 204 || s == 404 || s == 503, "an outcome, never a 500");
        given().delete("/api/models/" + name);
    }
}
