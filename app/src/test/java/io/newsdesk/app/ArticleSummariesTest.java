package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.content.ArticleService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Summaries for a set of ids as large as a ranker training asks for (found by the speed benchmark: 100,000 ids in
 * one statement exceed PostgreSQL's 65,535 bind parameters).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ArticleSummariesTest {

    @Inject
    ArticleService articles;

    @Test
    void summariesOfMoreIdsThanOneStatementCanBind() {
        String first = uniqueId("sum");
        String last = uniqueId("sum");
        put(first, article("Council approves the new library budget", "news-summaries", "The vote was unanimous.")).then().statusCode(201);
        put(last, article("Library opens on Sundays from March", "news-summaries", "Longer hours start in spring.")).then().statusCode(201);
        List<String> ids = new ArrayList<>();
        ids.add(first);
        for (int i = 0; i < 70_000; i++) {
            ids.add("missing-" + i);
        }
        ids.add(last);

        var found = articles.summaries(ids);
        assertThat(found).containsOnlyKeys(first, last);
        assertThat(found.get(last).title()).isEqualTo("Library opens on Sundays from March");
        assertThat(found.get(first).section()).isEqualTo("news-summaries");
    }
}
