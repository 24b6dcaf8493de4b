package io.newsdesk.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.testing.SharedData;
import io.newsdesk.core.testing.TestModels;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid search on 1,500 real news articles (MIND sample) finds what readers describe. Plain BM25 puts the
 * article in the top 3 for 93% of the paraphrases and 62% of the hard descriptions; the fusion must reach 95% and
 * 80%.
 */
class SearchRelevanceTest {

    @TempDir
    static Path indexDir;
    static MindRelevance mind;
    static Path data;

    @BeforeAll
    static void indexSample() throws Exception {
        data = SharedData.require("data/news-mind-sample");
        mind = MindRelevance.build(data, indexDir, TestModels.documentEmbedder(), SearchTuning.defaults(), VectorFormat.FLOAT32);
    }

    @AfterAll
    static void close() {
        if (mind != null) {
            mind.close();
        }
    }

    @Test
    void hybridFindsParaphrasedTitlesInTopThree() throws Exception {
        List<MindRelevance.Query> queries = MindRelevance.queries(data.resolve("queries.tsv"));
        Map<SearchMode, MindRelevance.Quality> quality = mind.evaluate(queries);
        System.out.println("queries.tsv: " + quality);
        assertThat(quality.get(SearchMode.HYBRID).top3()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void hybridFindsHardDescriptionsInTopThree() throws Exception {
        List<MindRelevance.Query> queries = MindRelevance.queries(data.resolve("queries-hard.tsv"));
        Map<SearchMode, MindRelevance.Quality> quality = mind.evaluate(queries);
        System.out.println("queries-hard.tsv: " + quality);
        assertThat(quality.get(SearchMode.HYBRID).top3()).isGreaterThanOrEqualTo(0.80);
        assertThat(quality.get(SearchMode.HYBRID).top3()).isGreaterThan(quality.get(SearchMode.BM25).top3());
    }
}
