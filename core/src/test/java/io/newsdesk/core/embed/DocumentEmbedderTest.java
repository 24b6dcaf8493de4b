package io.newsdesk.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsdesk.core.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentEmbedderTest {

    private final DocumentEmbedder documents = TestModels.documentEmbedder();

    @Test
    void embedsArticlesLongerThanTheModelWithoutTruncating() {
        String body = "The harbour authority published its annual report on Tuesday. ".repeat(150);
        DocumentEmbedder.Result result = documents.embed(List.of(
                new DocumentEmbedder.Document("Harbour report published", "Annual figures show more ships.", body)));
        assertThat(result.passages()[0]).isGreaterThan(3);
        assertThat(Vectors.dot(result.vectors()[0], result.vectors()[0])).isCloseTo(1f, within(1e-4f));
    }

    @Test
    void bodyTextMovesTheVectorSoLateParagraphsCount() {
        var lead = new DocumentEmbedder.Document("Local news roundup", "What happened this week.", null);
        var withSport = new DocumentEmbedder.Document("Local news roundup", "What happened this week.",
                "The football club won the league title after a dramatic final match. ".repeat(40));
        float[][] v = documents.embed(List.of(lead, withSport)).vectors();
        float[] football = documents.embedder().embed(List.of("football league title"), EmbeddingPurpose.QUERY).vectors()[0];
        assertThat(Vectors.dot(v[1], football)).isGreaterThan(Vectors.dot(v[0], football));
    }

    @Test
    void longQueriesAreAveragedOverTheirPassagesAndCountAllTokens() {
        String text = "A long editorial about the future of local newspapers and their readers. ".repeat(80);
        Embeddings e = documents.embedLong(List.of(text, "short"), EmbeddingPurpose.DOCUMENT);
        assertThat(e.tokens()[0]).isGreaterThan(512);
        assertThat(e.vectors()[0]).hasSize(384);
        assertThat(Vectors.dot(e.vectors()[0], e.vectors()[0])).isCloseTo(1f, within(1e-4f));
    }
}
