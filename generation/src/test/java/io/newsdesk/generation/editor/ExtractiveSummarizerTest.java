package io.newsdesk.generation.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.core.testing.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extractive summary on the real embedder: the lead and the gist, no repetition, in text order, within limits. */
class ExtractiveSummarizerTest {

    static final String STORY = """
            Harbridge council approved a budget on Tuesday that keeps every branch library open.

            The vote followed months of protests by readers who feared that three branches would close.
            Libraries will also open on Sundays from March, the council said.
            Councillors approved the library budget on Tuesday, so every branch library stays open.
            The leader of the council said the savings would come from renegotiated energy contracts.
            A spokesperson for the readers' campaign called the decision a victory for the town.
            Separately, the annual cheese festival returns to the market square in June.
            """;

    final ExtractiveSummarizer summarizer = new ExtractiveSummarizer(TestModels.embedder());

    @Test
    void keepsTheLeadSkipsTheRepeatAndKeepsTextOrder() {
        List<String> summary = summarizer.summarize(STORY, 3, 0);
        assertThat(summary).hasSize(3);
        assertThat(summary.get(0)).startsWith("Harbridge council approved a budget");
        assertThat(summary).as("the lead said again in other words adds nothing")
                .noneMatch(s -> s.startsWith("Councillors approved the library budget"));
        assertThat(summary).as("the off-topic item is not the gist").noneMatch(s -> s.contains("cheese festival"));
        List<String> all = Sentences.of(STORY);
        assertThat(summary.stream().map(all::indexOf).toList()).isSorted();
    }

    @Test
    void respectsTheWordLimit() {
        List<String> summary = summarizer.summarize(STORY, 5, 30);
        int words = summary.stream().mapToInt(Sentences::words).sum();
        assertThat(words).isLessThanOrEqualTo(30);
        assertThat(summary).isNotEmpty();
        assertThat(summarizer.summarize("One sentence only.", 3, 0)).containsExactly("One sentence only.");
    }
}
