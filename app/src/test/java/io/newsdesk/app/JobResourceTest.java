package io.newsdesk.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class JobResourceTest {

    @Test
    void finishedJobsCannotBeCancelledAndUnknownOnesAreNotFound() {
        String job = given().post("/api/index:rebuild").then().statusCode(202).extract().path("id");
        Api.awaitJob(job, "succeeded");
        given().post("/api/jobs/" + job + ":cancel").then().statusCode(409)
                .body("type", equalTo("urn:newsdesk:problem:job-finished"));
        given().get("/api/jobs/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("type", equalTo("urn:newsdesk:problem:job-not-found"));
        given().get("/api/jobs/not-a-uuid").then().statusCode(404);
        given().post("/api/jobs/not-a-uuid:cancel").then().statusCode(404);
    }

    @Test
    void listsJobsFilteredByStateAndType() {
        String job = given().post("/api/index:rebuild").then().statusCode(202).extract().path("id");
        Api.awaitJob(job, "succeeded");
        given().queryParam("state", "succeeded").queryParam("type", "index-rebuild").get("/api/jobs").then().statusCode(200)
                .body("items.state", everyItem(equalTo("succeeded")))
                .body("items.type", everyItem(equalTo("index-rebuild")));
        given().queryParam("state", "sleeping").get("/api/jobs").then().statusCode(400).body("detail", containsString("state"));
        given().queryParam("limit", 1000).get("/api/jobs").then().statusCode(400);
    }
}
