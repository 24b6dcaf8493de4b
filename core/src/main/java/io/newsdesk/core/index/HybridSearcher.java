package io.newsdesk.core.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;

/**
 * Searches the article index with BM25 and with vectors and fuses the two rankings by reciprocal rank.
 *
 * <p>BM25 matches the analysed query words in the combined text field (title twice, standfirst, body), and
 * double-quoted parts of the query as phrases. Vector search finds the nearest document vectors to the query's
 * embedding in the HNSW graph. Filters apply inside both retrievers, so each fills its quota with admissible hits.
 * Snippets come from Lucene's unified highlighter on the BM25 query.
 */
public final class HybridSearcher {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Set<String> STORED = Set.of(IndexFields.ID, IndexFields.TITLE, IndexFields.STANDFIRST,
            IndexFields.SECTION, IndexFields.KIND, IndexFields.LANGUAGE, IndexFields.PUBLISHED, IndexFields.URL);
    private static final int SNIPPET_CHARS = 240;
    /** How much more a quoted phrase found verbatim counts than its words found apart. */
    private static final float PHRASE_BOOST = 2f;

    private final ArticleIndex index;
    private final SearchTuning tuning;

    public HybridSearcher(ArticleIndex index, SearchTuning tuning) {
        this.index = index;
        this.tuning = tuning;
    }

    public SearchTuning tuning() {
        return tuning;
    }

    /**
     * Runs a search.
     *
     * @param queryVector the query's embedding; required unless the mode is {@link SearchMode#BM25}
     */
    public SearchResult search(SearchQuery query, float[] queryVector) {
        if (query.mode().usesVectors() && queryVector == null) {
            throw new IllegalArgumentException("a " + query.mode().code() + " search needs the query vector");
        }
        int depth = Math.min(SearchTuning.MAX_DEPTH, Math.max(tuning.candidates(), query.offset() + query.limit()));
        Query filter = query.filters().toQuery();
        Query textQuery = textQuery(query.text());
        return index.withSearcher(searcher -> {
            List<List<Integer>> rankings = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            if (query.mode().usesBm25()) {
                rankings.add(textQuery == null ? List.of() : docs(searcher.search(filtered(textQuery, filter), depth)));
                weights.add(tuning.bm25Weight());
            }
            if (query.mode().usesVectors()) {
                rankings.add(docs(searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, queryVector, depth, filter), depth)));
                weights.add(tuning.vectorWeight());
            }
            List<ReciprocalRankFusion.Fused<Integer>> fused = ReciprocalRankFusion.fuse(rankings,
                    weights.stream().mapToDouble(Double::doubleValue).toArray(), tuning.rrfK());
            int from = Math.min(query.offset(), fused.size());
            int to = Math.min(from + query.limit(), fused.size());
            List<ReciprocalRankFusion.Fused<Integer>> page = fused.subList(from, to);
            return new SearchResult(hits(searcher, page, textQuery, query.mode()), fused.size());
        });
    }

    /**
     * The ids of the {@code k} articles whose document vectors are nearest to {@code vector}, nearest first: what
     * recommendation needs from a vector search, without the fusion, highlighting and stored fields of a search
     * result, and with the graph explored only as deep as {@code k}.
     */
    public List<String> nearestIds(float[] vector, SearchFilters filters, int k) {
        Query filter = filters.toQuery();
        return index.withSearcher(searcher -> {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, k, filter), k);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<String> ids = new ArrayList<>(top.scoreDocs.length);
            for (var scoreDoc : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
                SortedDocValues values = DocValues.getSorted(leaf.reader(), IndexFields.ID);
                if (values.advanceExact(scoreDoc.doc - leaf.docBase)) {
                    ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
                }
            }
            return ids;
        });
    }

    /** The BM25 query for {@code text}, or null when the text has no searchable words (only stop words, say). */
    Query textQuery(String text) {
        QueryBuilder builder = new QueryBuilder(index.analyzer());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        Matcher quoted = QUOTED.matcher(text);
        while (quoted.find()) {
            Query phrase = builder.createPhraseQuery(IndexFields.TEXT, quoted.group(1));
            if (phrase != null) {
                query.add(new BoostQuery(phrase, PHRASE_BOOST), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        Query terms = builder.createBooleanQuery(IndexFields.TEXT, text.replace('"', ' '));
        if (terms != null) {
            query.add(terms, BooleanClause.Occur.SHOULD);
            any = true;
        }
        return any ? query.build() : null;
    }



    private static Query filtered(Query query, Query filter) {
        if (filter == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(filter, BooleanClause.Occur.FILTER)
                .build();
    }

    private static List<Integer> docs(TopDocs top) {
        List<Integer> docs = new ArrayList<>(top.scoreDocs.length);
        for (var scoreDoc : top.scoreDocs) {
            docs.add(scoreDoc.doc);
        }
        return docs;
    }

    private List<SearchHit> hits(IndexSearcher searcher, List<ReciprocalRankFusion.Fused<Integer>> page, Query textQuery,
            SearchMode mode) throws IOException {
        int[] docIds = page.stream().mapToInt(ReciprocalRankFusion.Fused::key).toArray();
        Map<String, String[]> highlights = highlight(searcher, textQuery, docIds);
        var storedFields = searcher.getIndexReader().storedFields();
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            ReciprocalRankFusion.Fused<Integer> fused = page.get(i);
            Document doc = storedFields.document(fused.key(), STORED);
            String title = doc.get(IndexFields.TITLE);
            String standfirst = doc.get(IndexFields.STANDFIRST);
            String titleHighlight = pick(highlights, IndexFields.TITLE, i, escape(title));
            String snippet = pick(highlights, IndexFields.BODY, i, pick(highlights, IndexFields.STANDFIRST, i, null));
            if (snippet == null) {
                snippet = escape(shorten(standfirst != null ? standfirst : ""));
            }
            snippet = snippet.replaceAll("\\s+", " ").strip();
            Integer bm25Rank = null;
            Integer vectorRank = null;
            if (mode == SearchMode.HYBRID) {
                bm25Rank = fused.ranks()[0] == 0 ? null : fused.ranks()[0];
                vectorRank = fused.ranks()[1] == 0 ? null : fused.ranks()[1];
            } else if (mode == SearchMode.BM25) {
                bm25Rank = fused.ranks()[0];
            } else {
                vectorRank = fused.ranks()[0];
            }
            hits.add(new SearchHit(doc.get(IndexFields.ID), title, standfirst, doc.get(IndexFields.SECTION),
                    doc.get(IndexFields.KIND), doc.get(IndexFields.LANGUAGE),
                    Instant.ofEpochMilli(doc.getField(IndexFields.PUBLISHED).numericValue().longValue()),
                    doc.get(IndexFields.URL), fused.score(), titleHighlight, snippet, bm25Rank, vectorRank));
        }
        return hits;
    }

    private Map<String, String[]> highlight(IndexSearcher searcher, Query textQuery, int[] docIds) throws IOException {
        if (textQuery == null || docIds.length == 0) {
            return Map.of();
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .withMaxLength(100_000)
                .withFieldMatcher(field -> true)
                .build();
        String[] fields = {IndexFields.TITLE, IndexFields.STANDFIRST, IndexFields.BODY};
        return highlighter.highlightFields(fields, textQuery, docIds, new int[] {1, 1, 2});
    }

    private static String pick(Map<String, String[]> highlights, String field, int i, String fallback) {
        String[] values = highlights.get(field);
        return values != null && values[i] != null ? values[i] : fallback;
    }

    private static String shorten(String text) {
        if (text.length() <= SNIPPET_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_CHARS);
        return text.substring(0, cut > 0 ? cut : SNIPPET_CHARS) + " …";
    }

    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
