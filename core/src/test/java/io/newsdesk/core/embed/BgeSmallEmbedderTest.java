package io.newsdesk.core.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real bge-small-en-v1.5 model, run by DJL's OnnxRuntime engine. */
class BgeSmallEmbedderTest extends TextEmbedderContract {

    @Override
    TextEmbedder embedder() {
        return TestModels.embedder();
    }

    @Test
    void isTheModelTheIndexExpects() {
        assertThat(embedder().model()).isEqualTo("bge-small-en-v1.5");
        assertThat(embedder().dimension()).isEqualTo(384);
        assertThat(embedder().maxTokens()).isEqualTo(512);
        assertThat(embedder().name()).contains("cls-pooling");
    }

    @Test
    void relatedSentencesAreCloserThanUnrelatedOnes() {
        float[][] v = embedder().embed(List.of(
                "The city council voted to build new cycle lanes on the high street.",
                "Councillors approved plans for bike paths in the town centre.",
                "The striker scored twice as the home side won the cup final."), EmbeddingPurpose.DOCUMENT).vectors();
        assertThat(Vectors.dot(v[0], v[1])).isGreaterThan(Vectors.dot(v[0], v[2]) + 0.1f);
    }

    @Test
    void queriesCarryTheSearchInstruction() {
        float[] passage = embedder().embed(List.of("Heavy rain flooded homes along the river overnight, and residents were "
                + "moved to the school hall."), EmbeddingPurpose.DOCUMENT).vectors()[0];
        float[] asQuery = embedder().embed(List.of("floods force families from riverside houses"), EmbeddingPurpose.QUERY).vectors()[0];
        float[] asDocument = embedder().embed(List.of("floods force families from riverside houses"), EmbeddingPurpose.DOCUMENT).vectors()[0];
        assertThat(asQuery).isNotEqualTo(asDocument);
        assertThat(Vectors.dot(asQuery, passage)).isGreaterThan(0.5f);
        assertThat(embedder().embed(List.of("x"), EmbeddingPurpose.QUERY).tokens()[0])
                .isGreaterThan(embedder().embed(List.of("x"), EmbeddingPurpose.DOCUMENT).tokens()[0]);
    }

    /**
     * The int8 model quantises activations with a scale computed over the whole batch tensor, so a text's vector
     * moves slightly with its batch mates (cosine above 0.99).
     */
    @Test
    void batchingBarelyMovesVectors() {
        String shortText = "Rail strike called off";
        String longText = "Union leaders called off next week's rail strike after overnight talks produced a new pay "
                + "offer, which members will vote on before the end of the month, the union said in a statement.";
        int held = ((BgeSmallEmbedder) embedder()).arraysHeld();
        float[] alone = embedder().embed(List.of(shortText), EmbeddingPurpose.DOCUMENT).vectors()[0];
        float[][] together = embedder().embed(List.of(longText, shortText, longText), EmbeddingPurpose.DOCUMENT).vectors();
        assertThat(Vectors.dot(alone, together[1])).isGreaterThan(0.99f);
        assertThat(Vectors.dot(together[0], together[2])).isGreaterThan(0.99999f);
        assertThat(((BgeSmallEmbedder) embedder()).arraysHeld()).as("every article is embedded: each batch frees all it makes")
                .isEqualTo(held);
    }
}
