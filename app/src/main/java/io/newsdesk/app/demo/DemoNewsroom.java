package io.newsdesk.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.content.ArticleService;
import io.newsdesk.core.content.EventBatch;
import io.newsdesk.core.content.EventInput;
import io.newsdesk.core.content.PreconditionFailedException;
import io.newsdesk.core.content.ReaderEventService;
import io.newsdesk.core.content.WriteConditions;
import io.newsdesk.generation.taxonomy.Taxonomy;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the demo newsroom at start when {@code newsdesk.demo.enabled} is true: creates the demo articles that are
 * not there yet (existing ones are left as they are) and, the first time only, the simulated readers' events.
 */
@ApplicationScoped
public class DemoNewsroom {

    /** After the database, jobs and index are up. */
    static final int STARTUP_PRIORITY = 100;
    private static final Logger LOG = Logger.getLogger(DemoNewsroom.class);

    private final DemoConfig config;
    private final ArticleService articles;
    private final ReaderEventService events;
    private final Taxonomy taxonomy;
    private final ObjectMapper json;

    public DemoNewsroom(DemoConfig config, ArticleService articles, ReaderEventService events, Taxonomy taxonomy,
            ObjectMapper json) {
        this.config = config;
        this.articles = articles;
        this.events = events;
        this.taxonomy = taxonomy;
        this.json = json;
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        if (config.enabled()) {
            load();
        }
    }

    /** The demo sections' descriptions for the tag tool, unless editors have written a taxonomy already. */
    private void describeSections() {
        if (!taxonomy.written().isEmpty()) {
            return;
        }
        try (InputStream in = DemoNewsroom.class.getClassLoader().getResourceAsStream("demo/sections.json")) {
            for (JsonNode section : json.readTree(in)) {
                taxonomy.put(section.get("name").asText(), section.get("label").asText(), section.get("description").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo taxonomy", e);
        }
    }

    void load() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<DemoArticles.DemoArticle> demo = DemoArticles.load(json, now);
        int created = 0;
        for (DemoArticles.DemoArticle article : demo) {
            try {
                articles.put(article.id(), article.input(), new WriteConditions(null, true));
                created++;
            } catch (PreconditionFailedException alreadyThere) {
                // kept as it is: the demo never overwrites
            }
        }
        describeSections();
        if (events.readerExists(DemoReaders.FIRST_READER)) {
            // the simulation is relative to now, so a second run would add a second history; keep the first
            LOG.infof("demo newsroom: %d of %d articles created; reader histories were loaded before", created, demo.size());
            return;
        }
        List<DemoReaders.Item> items = articles.summaries(demo.stream().map(DemoArticles.DemoArticle::id).toList())
                .values().stream()
                .map(s -> new DemoReaders.Item(s.id(), s.section(), s.kind(), s.publishedAt(),
                        demo.stream().filter(d -> d.id().equals(s.id())).findFirst().map(DemoArticles.DemoArticle::words).orElse(200)))
                .toList();
        List<EventInput> simulated = new DemoReaders(items, config.seed()).simulate(config.readers(), now);
        int accepted = 0;
        for (int from = 0; from < simulated.size(); from += EventBatch.MAX_EVENTS) {
            accepted += events.record(simulated.subList(from, Math.min(simulated.size(), from + EventBatch.MAX_EVENTS))).accepted();
        }
        LOG.infof("demo newsroom: %d of %d articles created, %d of %d reader events recorded for %d readers",
                created, demo.size(), accepted, simulated.size(), config.readers());
    }
}
