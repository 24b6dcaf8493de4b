package io.newsdesk.app;

import static io.newsdesk.app.Api.article;
import static io.newsdesk.app.Api.put;
import static io.newsdesk.app.Api.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.content.EventInput;
import io.newsdesk.core.content.EventType;
import io.newsdesk.core.content.ReaderEventService;
import io.newsdesk.recommend.engine.EngagementGraph;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory engagement graph follows events as they are stored, also when they are stored inside a caller's
 * transaction (as the demo newsroom does): a reader's neighbour's new read is reachable at once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EngagementGraphTest {

    @Inject
    EngagementGraph graph;

    @Inject
    ReaderEventService events;

    @Test
    void eventsStoredInsideATransactionReachTheGraph() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = uniqueId("graph");
            put(id, article("Harbour festival story number " + i, "news-graph", "The festival continues.")).then().statusCode(201);
            ids.add(id);
        }
        String reader = uniqueId("graph-reader");
        String neighbour = uniqueId("graph-neighbour");
        List<EventInput> batch = List.of(read(reader, ids.get(0)), read(reader, ids.get(1)), read(neighbour, ids.get(0)),
                read(neighbour, ids.get(1)), read(neighbour, ids.get(2)));
        QuarkusTransaction.requiringNew().run(() -> events.record(batch));

        assertThat(graph.throughNeighbours(reader, 10, null, 10)).extracting(EngagementGraph.Reached::articleId)
                .containsExactly(ids.get(2));
        assertThat(graph.alsoRead(ids.get(0), null, 10)).extracting(EngagementGraph.Reached::articleId)
                .contains(ids.get(1)).doesNotContain(ids.get(0));
    }

    @Test
    void eventsOfARolledBackTransactionNeverReachTheGraph() {
        String first = uniqueId("graph");
        String second = uniqueId("graph");
        put(first, article("Harbour regatta story", "news-graph", "The regatta continues.")).then().statusCode(201);
        put(second, article("Harbour regatta results", "news-graph", "The regatta ended.")).then().statusCode(201);
        String neighbour = uniqueId("graph-neighbour");
        QuarkusTransaction.requiringNew().run(() -> events.record(List.of(read(neighbour, first), read(neighbour, second))));
        String reader = uniqueId("graph-reader");
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                events.record(List.of(read(reader, first)));
                throw new IllegalStateException("the caller fails after storing the events");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        // had the rolled-back read counted, the neighbour's second article would reach the reader
        assertThat(graph.throughNeighbours(reader, 10, null, 10)).isEmpty();
        QuarkusTransaction.requiringNew().run(() -> events.record(List.of(read(reader, first))));
        assertThat(graph.throughNeighbours(reader, 10, null, 10)).extracting(EngagementGraph.Reached::articleId)
                .containsExactly(second);
    }

    private static EventInput read(String reader, String article) {
        return new EventInput(uniqueId("ev"), reader, EventType.READ, article, null, 60, null, null, null);
    }
}
