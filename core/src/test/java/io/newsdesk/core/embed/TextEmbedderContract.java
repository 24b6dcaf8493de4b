package io.newsdesk.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TextEmbedder} owes its callers. An implementation's test extends this, supplies the
 * instance, and adds what is particular to its model.
 */
abstract class TextEmbedderContract {

    abstract TextEmbedder embedder();

    @Test
    void vectorsHaveTheDimensionAndUnitLengthInInputOrder() {
        List<String> texts = List.of("Council approves new cycle lanes", "Striker signs for rivals", "Storm closes ferry");
        Embeddings e = embedder().embed(texts, EmbeddingPurpose.DOCUMENT);
        assertThat(e.vectors()).hasNumberOfRows(3);
        assertThat(e.tokens()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(e.vectors()[i]).hasSize(embedder().dimension());
            assertThat(Vectors.dot(e.vectors()[i], e.vectors()[i])).isCloseTo(1.0f, within(1e-4f));
            float[] alone = embedder().embed(List.of(texts.get(i)), EmbeddingPurpose.DOCUMENT).vectors()[0];
            assertThat(Vectors.dot(alone, e.vectors()[i])).isGreaterThan(0.99f);
        }
    }

    @Test
    void anEmptyListGivesNoVectors() {
        assertThat(embedder().embed(List.of(), EmbeddingPurpose.QUERY).vectors()).isEmpty();
    }

    @Test
    void refusesTextsLongerThanItsMaximum() {
        String tooLong = "word ".repeat(embedder().maxTokens() + 10);
        assertThatThrownBy(() -> embedder().embed(List.of(tooLong), EmbeddingPurpose.DOCUMENT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(embedder().maxTokens()));
    }

    @Test
    void tokenPiecesCoverTheTextInWindowsThatFit() {
        String text = "alpha beta gamma delta epsilon ".repeat(200).strip();
        List<String> pieces = embedder().tokenPieces(text, 100);
        assertThat(pieces.size()).isGreaterThan(5);
        pieces.forEach(piece -> assertThat(embedder().countTokens(piece)).isLessThanOrEqualTo(100));
        assertThat(String.join(" ", pieces).split("\\s+")).hasSameSizeAs(text.split("\\s+"));
    }

    @Test
    void theSameBatchAlwaysGivesTheSameVectors() {
        List<String> texts = List.of("Rail strike called off after talks", "Short");
        float[][] first = embedder().embed(texts, EmbeddingPurpose.DOCUMENT).vectors();
        float[][] second = embedder().embed(texts, EmbeddingPurpose.DOCUMENT).vectors();
        assertThat(second[0]).containsExactly(first[0]);
        assertThat(second[1]).containsExactly(first[1]);
    }

    @Test
    void nameStartsWithTheModel() {
        assertThat(embedder().name()).startsWith(embedder().model());
    }
}
