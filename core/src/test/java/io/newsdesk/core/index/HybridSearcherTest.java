package io.newsdesk.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.core.embed.DocumentEmbedder;
import io.newsdesk.core.embed.EmbeddingPurpose;
import io.newsdesk.core.testing.TestModels;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article index and hybrid search on a handful of articles with real vectors. */
class HybridSearcherTest {

    @TempDir
    Path dir;
    ArticleIndex index;
    HybridSearcher searcher;
    final DocumentEmbedder documents = TestModels.documentEmbedder();

    @BeforeEach
    void indexArticles() {
        index = ArticleIndex.open(dir, VectorFormat.FLOAT32);
        index.upsert(List.of(
                article("a1", "Council approves new cycle lanes on Mill Street", "Work starts in March.", "news", "2026-11-01T10:00:00Z"),
                article("a2", "Rovers sign striker from Castlemoor", "The fee is a club record.", "sport", "2026-11-10T10:00:00Z"),
                article("a3", "Flooded homes along the River Lenn", "Families spent the night in a school hall.", "news", "2026-11-20T10:00:00Z"),
                article("a4", "Bakery prices rise as flour costs double", "Small shops say they cannot absorb it <again>.", "business", "2026-11-21T10:00:00Z")));
        index.refresh();
        searcher = new HybridSearcher(index, SearchTuning.defaults());
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void hybridFindsAnArticleByMeaningEvenWithoutItsWords() {
        SearchResult result = search("water damage forces residents out overnight", SearchFilters.none(), SearchMode.HYBRID);
        assertThat(result.hits().get(0).id()).isEqualTo("a3");
        assertThat(result.hits().get(0).vectorRank()).isEqualTo(1);
    }

    @Test
    void bm25FindsExactWordsAndHighlightsThem() {
        SearchResult result = search("cycle lanes", SearchFilters.none(), SearchMode.BM25);
        assertThat(result.hits()).extracting(SearchHit::id).containsExactly("a1");
        assertThat(result.hits().get(0).titleHighlight()).contains("<mark>cycle</mark> <mark>lanes</mark>");
        assertThat(result.hits().get(0).bm25Rank()).isEqualTo(1);
        assertThat(result.hits().get(0).vectorRank()).isNull();
    }

    @Test
    void snippetsAreHtmlEscaped() {
        SearchResult result = search("bakery flour", SearchFilters.none(), SearchMode.BM25);
        assertThat(result.hits().get(0).snippet()).contains("&lt;again&gt;").doesNotContain("<again>");
    }

    @Test
    void filtersApplyInsideBothRetrievers() {
        SearchResult sport = search("council flood bakery striker", new SearchFilters("sport", null, null, null, null), SearchMode.HYBRID);
        assertThat(sport.hits()).extracting(SearchHit::id).containsExactly("a2");
        SearchResult recent = search("news", new SearchFilters(null, null, null, Instant.parse("2026-11-15T00:00:00Z"), null), SearchMode.VECTOR);
        assertThat(recent.hits()).extracting(SearchHit::id).containsExactlyInAnyOrder("a3", "a4");
    }

    @Test
    void deletedArticlesLeaveTheResults() {
        index.delete(List.of("a3"));
        index.refresh();
        SearchResult result = search("flooded homes river", SearchFilters.none(), SearchMode.HYBRID);
        assertThat(result.hits()).extracting(SearchHit::id).doesNotContain("a3");
        assertThat(index.count()).isEqualTo(3);
    }

    @Test
    void pagesDoNotOverlapAndCoverTheResults() {
        SearchResult first = searcher.search(new SearchQuery("the", SearchFilters.none(), SearchMode.VECTOR, 0, 2), vector("the"));
        SearchResult second = searcher.search(new SearchQuery("the", SearchFilters.none(), SearchMode.VECTOR, 2, 2), vector("the"));
        List<String> ids = new ArrayList<>();
        first.hits().forEach(h -> ids.add(h.id()));
        second.hits().forEach(h -> ids.add(h.id()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void stopWordsOnlyMeansNoBm25HitsButVectorsStillAnswer() {
        assertThat(search("the of and", SearchFilters.none(), SearchMode.BM25).hits()).isEmpty();
        assertThat(search("the of and", SearchFilters.none(), SearchMode.HYBRID).hits()).isNotEmpty();
    }

    @Test
    void quotedPhrasesRankExactPhrasesFirst() {
        SearchResult result = search("\"flour costs\" council", SearchFilters.none(), SearchMode.BM25);
        assertThat(result.hits().get(0).id()).isEqualTo("a4");
    }

    @Test
    void commitsRecordWhatTheyCoverAndSurviveReopening() {
        index.commit("bge-small-en-v1.5", 42, true);
        index.close();
        index = ArticleIndex.open(dir, VectorFormat.FLOAT32);
        IndexCommitState state = index.openedState().orElseThrow();
        assertThat(state.changeSeq()).isEqualTo(42);
        assertThat(state.compatibleWith("bge-small-en-v1.5", VectorFormat.FLOAT32)).isTrue();
        assertThat(state.compatibleWith("bge-small-en-v1.5", VectorFormat.INT8)).isFalse();
        assertThat(state.compatibleWith("other-model", VectorFormat.FLOAT32)).isFalse();
        assertThat(index.count()).isEqualTo(4);
    }

    @Test
    void vectorSearchNeedsTheQueryVector() {
        assertThatThrownBy(() -> searcher.search(new SearchQuery("x", SearchFilters.none(), SearchMode.HYBRID, 0, 5), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void int8QuantisedIndexFindsTheSameTopHit() {
        try (ArticleIndex quantised = ArticleIndex.open(dir.resolve("int8"), VectorFormat.INT8)) {
            quantised.upsert(List.of(article("a3", "Flooded homes along the River Lenn", "Families spent the night in a school hall.", "news", "2026-11-20T10:00:00Z"),
                    article("a2", "Rovers sign striker from Castlemoor", "The fee is a club record.", "sport", "2026-11-10T10:00:00Z")));
            quantised.refresh();
            SearchResult result = new HybridSearcher(quantised, SearchTuning.defaults()).search(
                    new SearchQuery("water damage forces residents out", SearchFilters.none(), SearchMode.VECTOR, 0, 2),
                    vector("water damage forces residents out"));
            assertThat(result.hits().get(0).id()).isEqualTo("a3");
        }
    }

    private SearchResult search(String text, SearchFilters filters, SearchMode mode) {
        return searcher.search(new SearchQuery(text, filters, mode, 0, 10), mode == SearchMode.BM25 ? null : vector(text));
    }

    private float[] vector(String text) {
        return documents.embedder().embed(List.of(text), EmbeddingPurpose.QUERY).vectors()[0];
    }

    private IndexedArticle article(String id, String title, String standfirst, String section, String published) {
        float[] v = documents.embed(List.of(new DocumentEmbedder.Document(title, standfirst, null))).vectors()[0];
        return new IndexedArticle(id, title, standfirst, null, section, "en", "article", List.of(), List.of(),
                Instant.parse(published), null, v);
    }
}
