package io.newsdesk.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.core.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class PromptsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Prompts of(String json) throws Exception {
        return Prompts.of(JSON.readTree(json));
    }

    @Test
    void readsOpenAisFourShapesOfPrompt() throws Exception {
        assertThat(of("\"The mayor said\"").texts()).containsExactly("The mayor said");
        assertThat(of("[\"one\", \"two\"]").texts()).containsExactly("one", "two");
        Prompts ids = of("[1, 2, 3]");
        assertThat(ids.texts()).isNull();
        assertThat(ids.tokenIds()).singleElement().satisfies(p -> assertThat(p).containsExactly(1, 2, 3));
        Prompts batches = of("[[4, 5], [6]]");
        assertThat(batches.size()).isEqualTo(2);
        assertThat(batches.tokenIds().get(1)).containsExactly(6);
    }

    @Test
    void refusesWhatIsNoPromptNamingTheField() throws Exception {
        for (String bad : new String[] {"null", "{}", "[]", "12", "[\"a\", 5]", "[[1], \"a\"]", "[1, \"a\"]", "[-1]", "[1.5]",
                "[[]]", "[4294967296]", "[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\"]"}) {
            JsonNode prompt = JSON.readTree(bad);
            assertThatThrownBy(() -> Prompts.of(prompt)).as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessageStartingWith("prompt: ");
        }
        assertThatThrownBy(() -> Prompts.of(null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Prompts.of(JSON.valueToTree("x".repeat(Prompts.MAX_CHARS + 1))))
                .hasMessageContaining("200000 characters");
    }
}
