package io.newsdesk.app;

import static io.newsdesk.app.Api.await;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.searchFinds;
import static io.newsdesk.app.Api.uniqueId;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.embed.Vectors;
import io.newsdesk.core.index.IndexSync;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Document vectors and summaries served from memory follow the article: an edit or a delete is never answered from a stale copy. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class InMemoryCachesTest {

    @Inject
    IndexSync index;

    @Inject
    ArticleService articles;

    @Test
    void aSummaryFollowsItsArticleAsSoonAsTheWriteReturns() {
        String id = uniqueId("sum");
        put(id, Map.of("title", "First title", "section", "news", "body", "Text.")).then().statusCode(201);
        assertThat(articles.summaries(java.util.List.of(id)).get(id).title()).isEqualTo("First title");
        put(id, Map.of("title", "Second title", "section", "news", "body", "Text.")).then().statusCode(200);
        assertThat(articles.summaries(java.util.List.of(id)).get(id).title()).isEqualTo("Second title");
        given().delete("/api/articles/" + id).then().statusCode(204);
        assertThat(articles.summaries(java.util.List.of(id))).doesNotContainKey(id);
    }

    @Test
    void anEditedOrDeletedArticleIsNotServedFromAStaleVector() {
        String id = uniqueId("vec");
        put(id, Map.of("title", "Cup final goes to penalties", "section", "sport",
                "body", "The keeper saved two penalties as the cup final ended in a shoot-out.")).then().statusCode(201);
        await("the article has a vector", () -> index.documentVector(id) != null);
        float[] before = index.documentVector(id);
        assertThat(index.documentVectors(java.util.List.of(id)).get(id)).isEqualTo(before);

        put(id, Map.of("title", "Sourdough starter guide", "section", "food",
                "body", "Feed the starter with flour and water every day until it bubbles.")).then().statusCode(200);
        await("the edit is indexed", () -> searchFinds("sourdough starter flour", id));
        float[] after = index.documentVector(id);
        assertThat(Vectors.dot(before, after)).isLessThan(0.9f);

        given().delete("/api/articles/" + id).then().statusCode(204);
        await("the delete is indexed", () -> !searchFinds("sourdough starter flour", id));
        assertThat(index.documentVector(id)).isNull();
    }
}
