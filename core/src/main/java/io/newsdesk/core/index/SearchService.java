package io.newsdesk.core.index;

import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.embed.TextEmbedder;
import io.newsdesk.core.http.Cursor;
import io.newsdesk.core.problem.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Article search as the API offers it: embeds the query (remembering recent query vectors, since readers repeat
 * queries), runs the hybrid searcher and pages with cursors bound to the query they were issued for.
 */
@ApplicationScoped
public class SearchService {

    public static final int MAX_QUERY_CHARS = 500;
    private static final int CACHED_QUERIES = 2048;

    private final IndexSync sync;
    private final TextEmbedder embedder;
    private final Map<String, float[]> queryVectors = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_QUERIES;
        }
    });

    public SearchService(IndexSync sync, TextEmbedder embedder) {
        this.sync = sync;
        this.embedder = embedder;
    }

    public SearchPage search(String text, SearchFilters filters, SearchMode mode, int limit, String cursor) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty() || query.length() > MAX_QUERY_CHARS) {
            throw new InvalidRequestException("q: give 1 to " + MAX_QUERY_CHARS + " characters to search for",
                    List.of(new InvalidRequestException.FieldError("q", "must have 1 to " + MAX_QUERY_CHARS + " characters")));
        }
        String fingerprint = Integer.toHexString(Objects.hash(query, filters, mode.code()));
        int offset = 0;
        Map<String, Object> position = Cursor.decode(cursor);
        if (!position.isEmpty()) {
            if (!fingerprint.equals(position.get("f"))) {
                throw new InvalidRequestException("cursor: it was issued for another query; repeat the same q, filters and mode");
            }
            offset = (int) Cursor.requireLong(position, "o");
            if (offset < 0 || offset >= SearchTuning.MAX_DEPTH) {
                throw Cursor.invalid();
            }
        }
        float[] vector = mode == SearchMode.BM25 ? null : queryVector(query);
        SearchResult result = sync.searcher().search(new SearchQuery(query, filters, mode, offset, limit), vector);
        int end = offset + result.hits().size();
        String next = end < result.available() && end < SearchTuning.MAX_DEPTH
                ? Cursor.encode(Map.of("o", end, "f", fingerprint))
                : null;
        return new SearchPage(query, mode, result.available(), result.hits(), next);
    }

    private float[] queryVector(String query) {
        float[] cached = queryVectors.get(query);
        if (cached != null) {
            return cached;
        }
        float[] vector = embedder.embed(List.of(query), EmbeddingPurpose.QUERY).vectors()[0];
        queryVectors.put(query, vector);
        return vector;
    }
}
