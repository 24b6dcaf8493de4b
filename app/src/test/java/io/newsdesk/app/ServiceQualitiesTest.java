package io.newsdesk.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health, metrics and the OpenAPI document that operators and client authors rely on. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ServiceQualitiesTest {

    @Test
    void readinessCoversTheDatabaseTheIndexAndTheEmbedder() {
        Api.await("the service is ready", () -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("article-index", "text-embedder", "Database connections health check"));
    }

    @Test
    void metricsShowRequestLatencyEmbeddingThroughputAndJobs() {
        given().contentType(ContentType.JSON).body(Map.of("input", "metrics probe", "model", "bge-small-en-v1.5"))
                .post("/v1/embeddings").then().statusCode(200);
        String job = given().post("/api/index:rebuild").then().statusCode(202).extract().path("id");
        Api.awaitJob(job, "succeeded");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("newsdesk_embedding_texts_total"))
                .body(containsString("newsdesk_embedding_tokens_total"))
                .body(containsString("newsdesk_jobs_finished_total{state=\"succeeded\",type=\"index-rebuild\"}"))
                .body(containsString("newsdesk_index_documents"));
    }

    @Test
    void theOpenApiDocumentDescribesEndpointsAndTheirLimits() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/articles/{id}'.put.description", containsString("2 MiB"))
                .body("paths.'/api/articles:import'.post.description", containsString("64 MiB"))
                .body("paths.'/api/events'.post.description", containsString("1000 events"))
                .body("paths.'/v1/embeddings'.post.description", containsString("8192 tokens"))
                .body("paths.'/api/search'.get.summary", equalTo("Search articles"))
                .body("paths.'/api/jobs/{id}:cancel'.post.summary", equalTo("Cancel a job"))
                .body("paths.'/api/editor/summarize'.post.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/EditorSummary"))
                .body("components.schemas.EditorSummary.properties.keySet()", hasItems("engine", "summary", "sentences", "usage"))
                .body("components.schemas.EditorUsage.properties.keySet()", hasItems("prompt_tokens", "completion_tokens"))
                .body("components.schemas.EditorTags.properties.keySet()",
                        hasItems("section", "sections", "tags", "taxonomy", "examples"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
