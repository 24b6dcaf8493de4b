package io.newsdesk.generation.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyphrases on the real embedder, and compressed headlines. */
class KeyphrasesAndHeadlinesTest {

    @Test
    void keyphrasesCoverTheStoryWithoutStopWords() {
        var extractor = new KeyphraseExtractor(TestModels.embedder(), TestModels.documentEmbedder());
        List<String> keywords = extractor.keyphrases(ExtractiveSummarizerTest.STORY, 6);
        assertThat(keywords).hasSize(6).doesNotHaveDuplicates();
        assertThat(keywords).anyMatch(k -> k.contains("library") || k.contains("libraries"));
        assertThat(keywords).as("nothing about cheese ranks among the top six").noneMatch(k -> k.contains("cheese"));
        for (String k : keywords) {
            String[] words = k.split(" ");
            assertThat(words.length).isBetween(1, 3);
            assertThat(List.of("the", "of", "and", "a", "on")).doesNotContain(words[0], words[words.length - 1]);
        }
    }

    @Test
    void headlinesDropAttributionWeekdaysAndTheFullStop() {
        assertThat(HeadlineWriter.compress("Libraries will also open on Sundays from March, the council said."))
                .isEqualTo("Libraries will also open on Sundays from March");
        assertThat(HeadlineWriter.compress("Harbridge council approved a budget on Tuesday that keeps every branch library open."))
                .isEqualTo("Harbridge council approved a budget that keeps every branch library open");
        assertThat(HeadlineWriter.compress("word ".repeat(40))).hasSizeLessThanOrEqualTo(HeadlineWriter.MAX_CHARS);
        assertThat(HeadlineWriter.compress("x" + "\uD83D\uDE00".repeat(60)).codePoints()).as("never half an emoji")
                .noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
        assertThat(HeadlineWriter.candidates(List.of("A.", "A.", "B."), 3)).containsExactly("A", "B");
    }
}
