package io.newsdesk.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Headlines read from a model's JSON answer, whole or cut short by the token limit. */
class LlmEditorTest {

    @Test
    void headlinesComeFromTheHeadlinesArrayEvenWhenTheAnswerStopsShort() {
        assertThat(LlmEditor.jsonHeadlines("{\"headlines\": [\"Storm hits the coast\", \"Mayor \\\"vows\\\" help\"]}"))
                .containsExactly("Storm hits the coast", "Mayor \"vows\" help");
        assertThat(LlmEditor.jsonHeadlines("{\"headlines\": [\"Storm hits the coast\", \"Mayor vo"))
                .as("the string cut short is left out").containsExactly("Storm hits the coast");
        assertThat(LlmEditor.jsonHeadlines("{\"note\": [\"not a headline\"], \"headlines\": []}")).isEmpty();
        assertThat(LlmEditor.jsonHeadlines("{\"headl")).isEmpty();
        assertThat(LlmEditor.headlinesShape(3).objectOnly()).isTrue();
    }

    @Test
    void aJsonAnswersHeadlinesAreCleanedAndCountedLikeLines() {
        LlmEditor editor = new LlmEditor(null);
        var json = new LlmEditor.Written("llm:m", "{\"headlines\": [\" 1. \\\"Storm hits\\\" \", \"Storm hits\", \"Second\", \"Third\"]}",
                10, 20, true);
        assertThat(editor.headlineLines(json, 2)).containsExactly("Storm hits", "Second");
        var lines = new LlmEditor.Written("llm:m", "- Storm hits\n\n2) Second\nThird", 10, 20, false);
        assertThat(editor.headlineLines(lines, 5)).isEqualTo(List.of("Storm hits", "Second", "Third"));
    }
}
