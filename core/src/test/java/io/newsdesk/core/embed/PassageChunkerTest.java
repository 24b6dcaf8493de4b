package io.newsdesk.core.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.core.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageChunkerTest {

    private final TextEmbedder embedder = TestModels.embedder();

    @Test
    void longTextsBecomePassagesThatFitAndKeepEveryWord() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append("Sentence number ").append(i).append(" tells part of a long story about the harbour. ");
        }
        List<String> passages = new PassageChunker(embedder, 64).chunk(text.toString());
        assertThat(passages.size()).isGreaterThan(10);
        for (String passage : passages) {
            assertThat(embedder.countTokens(passage)).isLessThanOrEqualTo(64);
        }
        assertThat(String.join(" ", passages).split("\\s+")).hasSameSizeAs(text.toString().strip().split("\\s+"));
        assertThat(passages.get(0)).startsWith("Sentence number 0 ");
    }

    @Test
    void cutsBetweenSentencesWhereItCan() {
        String text = "First short sentence. Second short sentence. Third short sentence.";
        List<String> passages = new PassageChunker(embedder, 16).chunk(text);
        assertThat(passages).allSatisfy(p -> assertThat(p).endsWith("."));
    }

    @Test
    void splitsASentenceTooLongForOnePassage() {
        String run = "and then the river rose ".repeat(60);
        List<String> passages = new PassageChunker(embedder, 32).chunk(run);
        assertThat(passages.size()).isGreaterThan(5);
        passages.forEach(p -> assertThat(embedder.countTokens(p)).isLessThanOrEqualTo(32));
    }

    @Test
    void emptyTextHasNoPassages() {
        assertThat(new PassageChunker(embedder, 64).chunk("  ")).isEmpty();
        assertThat(new PassageChunker(embedder, 64).chunk(null)).isEmpty();
    }

    @Test
    void refusesPassageSizesTheModelCannotTake() {
        assertThatThrownBy(() -> new PassageChunker(embedder, 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[16, 512]").hasMessageContaining("1000");
    }
}
