package io.newsdesk.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.content.ArticleInput;
import io.newsdesk.core.content.ArticleKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the demo articles from the classpath. Each file under {@code demo/} is NDJSON with the article fields plus
 * {@code hoursAgo}, so that publication times are always recent relative to the moment the demo starts.
 */
final class DemoArticles {

    static final List<String> FILES = List.of("desk-a", "desk-b", "desk-c", "desk-d", "desk-e", "desk-f");

    /** A demo article: its id and what a PUT would send. */
    record DemoArticle(String id, ArticleInput input, int words) {
    }

    private DemoArticles() {
    }

    static List<DemoArticle> load(ObjectMapper json, Instant now) {
        List<DemoArticle> articles = new ArrayList<>();
        for (String file : FILES) {
            String resource = "demo/" + file + ".ndjson";
            try (InputStream in = DemoArticles.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("demo file " + resource + " is missing from the application");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        articles.add(parse(json.readTree(line), now));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read demo file " + resource, e);
            }
        }
        return articles;
    }

    private static DemoArticle parse(JsonNode n, Instant now) {
        String kind = n.path("kind").asText("article").replace(' ', '_');
        List<String> tags = new ArrayList<>();
        n.path("tags").forEach(t -> tags.add(t.asText()));
        List<String> authors = new ArrayList<>();
        n.path("authors").forEach(a -> authors.add(a.asText()));
        Instant published = now.minus(n.path("hoursAgo").asLong(24), ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String id = n.get("id").asText();
        String body = n.path("body").asText();
        Integer duration = n.has("durationSeconds") ? n.get("durationSeconds").asInt() : null;
        ArticleInput input = new ArticleInput(n.get("title").asText(), n.path("standfirst").asText(null), body, null,
                n.get("section").asText(), tags, authors, "en", ArticleKind.fromCode(kind),
                published.atOffset(ZoneOffset.UTC), null, "https://demo.newsdesk.example/" + n.get("section").asText() + "/" + id,
                List.of(), duration);
        int words = body.replaceAll("<[^>]+>", " ").strip().split("\\s+").length;
        return new DemoArticle(id, input, words);
    }
}
