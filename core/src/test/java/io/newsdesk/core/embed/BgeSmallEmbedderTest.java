package io.newsdesk.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newsdesk.core.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real bge-small-en-v1.5 model, run by DJL's OnnxRuntime engine. */
class BgeSmallEmbedderTest {

    private final TextEmbedder embedder = TestModels.embedder();

    @Test
    void vectorsHaveTheModelsDimensionAndUnitLength() {
        Embeddings e = embedder.embed(List.of("Council approves new cycle lanes", "Striker signs for rivals"),
                EmbeddingPurpose.DOCUMENT);
        assertThat(e.vectors()).hasNumberOfRows(2);
        for (float[] v : e.vectors()) {
            assertThat(v).hasSize(384);
            assertThat(Vectors.dot(v, v)).isCloseTo(1.0f, within(1e-4f));
        }
        assertThat(e.tokens()[0]).isGreaterThan(2);
    }

    @Test
    void relatedSentencesAreCloserThanUnrelatedOnes() {
        float[][] v = embedder.embed(List.of(
                "The city council voted to build new cycle lanes on the high street.",
                "Councillors approved plans for bike paths in the town centre.",
                "The striker scored twice as the home side won the cup final."), EmbeddingPurpose.DOCUMENT).vectors();
        assertThat(Vectors.dot(v[0], v[1])).isGreaterThan(Vectors.dot(v[0], v[2]) + 0.1f);
    }

    @Test
    void queriesFindTheirPassageBetterWithTheInstruction() {
        float[] passage = embedder.embed(List.of("Heavy rain flooded homes along the river overnight, and residents were "
                + "moved to the school hall."), EmbeddingPurpose.DOCUMENT).vectors()[0];
        float[] asQuery = embedder.embed(List.of("floods force families from riverside houses"), EmbeddingPurpose.QUERY).vectors()[0];
        float[] asDocument = embedder.embed(List.of("floods force families from riverside houses"), EmbeddingPurpose.DOCUMENT).vectors()[0];
        assertThat(asQuery).isNotEqualTo(asDocument);
        assertThat(Vectors.dot(asQuery, passage)).isGreaterThan(0.5f);
    }

    /**
     * The int8 model quantises activations with a scale computed over the whole batch tensor, so a text's vector
     * moves slightly with its batch mates (cosine above 0.99); the same batch always gives the same vectors.
     */
    @Test
    void batchingBarelyMovesVectors() {
        String shortText = "Rail strike called off";
        String longText = "Union leaders called off next week's rail strike after overnight talks produced a new pay "
                + "offer, which members will vote on before the end of the month, the union said in a statement.";
        float[] alone = embedder.embed(List.of(shortText), EmbeddingPurpose.DOCUMENT).vectors()[0];
        float[][] together = embedder.embed(List.of(longText, shortText, longText), EmbeddingPurpose.DOCUMENT).vectors();
        assertThat(Vectors.dot(alone, together[1])).isGreaterThan(0.99f);
        assertThat(Vectors.dot(together[0], together[2])).isCloseTo(1.0f, within(1e-5f));
        float[][] again = embedder.embed(List.of(longText, shortText, longText), EmbeddingPurpose.DOCUMENT).vectors();
        assertThat(again[1]).containsExactly(together[1]);
    }

    @Test
    void refusesTextsLongerThanTheModelTakes() {
        String tooLong = "word ".repeat(600);
        assertThatThrownBy(() -> embedder.embed(List.of(tooLong), EmbeddingPurpose.DOCUMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 512");
    }

    @Test
    void tokenPiecesCoverTheTextInWindowsThatFit() {
        String text = "alpha beta gamma delta epsilon ".repeat(200).strip();
        List<String> pieces = embedder.tokenPieces(text, 100);
        assertThat(pieces.size()).isGreaterThan(5);
        for (String piece : pieces) {
            assertThat(embedder.countTokens(piece)).isLessThanOrEqualTo(100);
        }
        assertThat(String.join(" ", pieces).split("\\s+")).hasSameSizeAs(text.split("\\s+"));
    }

    @Test
    void nameReportsModelAndParameters() {
        assertThat(embedder.name()).startsWith("bge-small-en-v1.5(").contains("cls-pooling");
        assertThat(embedder.model()).isEqualTo("bge-small-en-v1.5");
    }
}
