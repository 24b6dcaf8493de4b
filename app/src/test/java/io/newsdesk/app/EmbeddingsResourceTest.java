package io.newsdesk.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /v1/embeddings speaks OpenAI's schema and error shape. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EmbeddingsResourceTest {

    @Test
    void embedsAStringInOpenAisShape() {
        given().contentType(ContentType.JSON).body(Map.of("input", "Harbour bridge reopens", "model", "bge-small-en-v1.5"))
                .post("/v1/embeddings").then().statusCode(200)
                .body("object", equalTo("list"))
                .body("model", equalTo("bge-small-en-v1.5"))
                .body("data", hasSize(1))
                .body("data[0].object", equalTo("embedding"))
                .body("data[0].index", equalTo(0))
                .body("data[0].embedding", hasSize(384))
                .body("usage.prompt_tokens", greaterThan(2))
                .body("usage.total_tokens", greaterThan(2));
    }

    @Test
    void base64GivesTheSameVectorsAsFloats() {
        List<String> input = List.of("first text", "second, longer text about the harbour");
        List<Float> floats = given().contentType(ContentType.JSON).body(Map.of("input", input, "model", "bge-small-en-v1.5"))
                .post("/v1/embeddings").then().statusCode(200).extract().jsonPath().getList("data[1].embedding", Float.class);
        String encoded = given().contentType(ContentType.JSON)
                .body(Map.of("input", input, "model", "bge-small-en-v1.5", "encoding_format", "base64"))
                .post("/v1/embeddings").then().statusCode(200).body("data[1].index", equalTo(1))
                .extract().path("data[1].embedding");
        var decoded = ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        assertThat(decoded.remaining()).isEqualTo(384);
        for (int i = 0; i < 384; i++) {
            assertThat(decoded.get(i)).isCloseTo(floats.get(i), within(1e-6f));
        }
    }

    @Test
    void queriesAreEmbeddedWithTheSearchInstruction() {
        List<Float> asDocument = embed(Map.of("input", "cheap flights", "model", "bge-small-en-v1.5"));
        List<Float> asQuery = embed(Map.of("input", "cheap flights", "model", "bge-small-en-v1.5", "input_type", "query"));
        assertThat(asQuery).isNotEqualTo(asDocument);
    }

    @Test
    void longInputsAreEmbeddedWholeNotTruncated() {
        String longText = "The council met again to discuss the harbour budget and its many details. ".repeat(60);
        int tokens = given().contentType(ContentType.JSON).body(Map.of("input", longText, "model", "bge-small-en-v1.5"))
                .post("/v1/embeddings").then().statusCode(200).extract().path("usage.prompt_tokens");
        assertThat(tokens).isGreaterThan(512);
    }

    @Test
    void errorsUseOpenAisShape() {
        given().contentType(ContentType.JSON).body(Map.of("input", "x", "model", "text-embedding-3-small"))
                .post("/v1/embeddings").then().statusCode(404).contentType(ContentType.JSON)
                .body("error.code", equalTo("model_not_found"))
                .body("error.type", equalTo("not_found_error"))
                .body("error.param", equalTo("model"));
        given().contentType(ContentType.JSON).body(Map.of("model", "bge-small-en-v1.5"))
                .post("/v1/embeddings").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.param", equalTo("input"));
        given().contentType(ContentType.JSON).body(Map.of("input", List.of(101, 2023), "model", "bge-small-en-v1.5"))
                .post("/v1/embeddings").then().statusCode(400).body("error.param", equalTo("input"));
        given().contentType(ContentType.JSON).body(Map.of("input", "x", "model", "bge-small-en-v1.5", "dimensions", 128))
                .post("/v1/embeddings").then().statusCode(400).body("error.param", equalTo("dimensions"));
        given().contentType(ContentType.JSON).body(Map.of("input", List.of("ok", ""), "model", "bge-small-en-v1.5"))
                .post("/v1/embeddings").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"input\": [").post("/v1/embeddings").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"));
        given().contentType(ContentType.JSON).body(Map.of("input", "x", "model", "bge-small-en-v1.5", "encoding_format", "int8"))
                .post("/v1/embeddings").then().statusCode(400).body("error.param", equalTo("encoding_format"));
    }

    private static List<Float> embed(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/embeddings").then().statusCode(200)
                .extract().jsonPath().getList("data[0].embedding", Float.class);
    }
}
