package io.newsdesk.generation.editor;

import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.index.IndexSync;
import io.newsdesk.core.index.SearchFilters;
import io.newsdesk.core.index.SearchHit;
import io.newsdesk.core.index.SearchMode;
import io.newsdesk.core.index.SearchQuery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * The archive articles most relevant to what an editor is working on, numbered for citation: hybrid search (BM25
 * and vectors fused) over the article index. A question or short text is searched as a reader's query would be; a
 * long text by its keyphrases and its document vector. The same citations become grounding for a language model.
 */
@ApplicationScoped
public class ArchiveContext {

    public static final String ENGINE = "archive-search(lucene bm25 + hnsw, bge-small-en-v1.5)";
    /** Longer texts are not queries: they are searched by their keyphrases and document vector. */
    public static final int MAX_QUERY_CHARS = 500;
    static final int KEYPHRASES = 8;

    /** An archive article cited as [n], with the passage that matched. */
    public record Citation(int n, String id, String title, String section, Instant publishedAt, String url,
            String excerpt, double score) {
    }

    /** The citations and the same as a block of text to put in a prompt. */
    public record Context(List<Citation> citations, String grounding) {
    }

    private final IndexSync index;
    private final TextEmbedder embedder;
    private final KeyphraseExtractor keyphrases;

    public ArchiveContext(IndexSync index, TextEmbedder embedder, KeyphraseExtractor keyphrases) {
        this.index = index;
        this.embedder = embedder;
        this.keyphrases = keyphrases;
    }

    /** Context for a question or a short text. */
    public Context forQuery(String query, int count) {
        String text = query.strip();
        float[] vector = embedder.embed(List.of(text), EmbeddingPurpose.QUERY).vectors()[0];
        return search(text, vector, Set.of(), count);
    }

    /**
     * Context for a draft or an article: its title and keyphrases for BM25, its document vector for the vector side;
     * {@code exclude} keeps the article itself out.
     */
    public Context forDocument(String title, String text, float[] documentVector, Set<String> exclude, int count) {
        StringBuilder query = new StringBuilder(title == null ? "" : title.strip());
        for (String phrase : keyphrases.keyphrases(text, KEYPHRASES)) {
            if (query.length() + phrase.length() + 1 > MAX_QUERY_CHARS) {
                break;
            }
            query.append(query.isEmpty() ? "" : " ").append(phrase);
        }
        return search(query.toString(), documentVector, exclude, count);
    }

    private Context search(String query, float[] vector, Set<String> exclude, int count) {
        List<SearchHit> hits = index.searcher().search(
                new SearchQuery(query, SearchFilters.none(), query.isBlank() ? SearchMode.VECTOR : SearchMode.HYBRID, 0,
                        count + exclude.size()), vector).hits();
        List<Citation> citations = new ArrayList<>();
        for (SearchHit hit : hits) {
            if (citations.size() == count) {
                break;
            }
            if (!exclude.contains(hit.id())) {
                citations.add(new Citation(citations.size() + 1, hit.id(), hit.title(), hit.section(), hit.publishedAt(),
                        hit.url(), plain(hit.snippet() != null ? hit.snippet() : hit.standfirst()), hit.score()));
            }
        }
        return new Context(citations, grounding(citations));
    }

    /** The snippet comes HTML-escaped with matches marked; a prompt and an editor want the plain words. */
    private static String plain(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }

    /** The citations as a prompt block: each as [n], title and date, then the passage. */
    public static String grounding(List<Citation> citations) {
        StringBuilder text = new StringBuilder();
        for (Citation c : citations) {
            text.append('[').append(c.n()).append("] ").append(c.title());
            if (c.publishedAt() != null) {
                text.append(" (").append(c.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate()).append(')');
            }
            if (!c.excerpt().isEmpty()) {
                text.append('\n').append(c.excerpt());
            }
            text.append("\n\n");
        }
        return text.toString().strip();
    }
}
