package io.newsdesk.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsdesk.core.ml.llm.GenerationOptions;
import io.newsdesk.core.ml.llm.SamplingDefaults;
import io.newsdesk.core.problem.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplingParametersTest {

    private static final SamplingDefaults QWEN_LIKE = new SamplingDefaults(0.7, 0.8, 20, 1.05);

    @Test
    void fieldsTheRequestLeavesOutComeFromTheModelThenFromOpenAi() {
        GenerationOptions recommended = new SamplingParameters(null, null, null, null, null, 1L, null, null)
                .options(List.of(2), QWEN_LIKE);
        assertThat(recommended.temperature()).isEqualTo(0.7);
        assertThat(recommended.topP()).isEqualTo(0.8);
        assertThat(recommended.topK()).isEqualTo(20);
        assertThat(recommended.repetitionPenalty()).isEqualTo(1.05);
        assertThat(recommended.maxNewTokens()).isEqualTo(SamplingParameters.DEFAULT_MAX_TOKENS);

        GenerationOptions asked = new SamplingParameters(10, 0.0, 1.0, 0, 1.0, 1L, null, null).options(List.of(2), QWEN_LIKE);
        assertThat(asked.temperature()).isZero();
        assertThat(asked.topP()).isEqualTo(1.0);
        assertThat(asked.topK()).isZero();
        assertThat(asked.repetitionPenalty()).isEqualTo(1.0);

        GenerationOptions plain = new SamplingParameters(null, null, null, null, null, 1L, null, null).options(List.of(2));
        assertThat(List.of(plain.temperature(), plain.topP(), plain.repetitionPenalty())).containsExactly(1.0, 1.0, 1.0);
        assertThat(plain.topK()).isZero();
    }

    @Test
    void theRequestIsCheckedWhateverTheModelRecommends() {
        assertThatThrownBy(() -> new SamplingParameters(null, 3.0, null, null, null, null, null, null).options(List.of(), QWEN_LIKE))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("temperature");
        assertThatThrownBy(() -> new SamplingParameters(null, null, null, null, null, null, null, 9).options(List.of(), QWEN_LIKE))
                .hasMessageStartingWith("n: must be between 1 and 8");
    }

    @Test
    void openAisPenaltiesPassThroughWithinTheirRange() {
        GenerationOptions o = new SamplingParameters(null, null, null, null, null, 1L, null, null, 0.5, -1.0)
                .options(List.of(), SamplingDefaults.NONE);
        assertThat(o.frequencyPenalty()).isEqualTo(0.5);
        assertThat(o.presencePenalty()).isEqualTo(-1.0);
        assertThat(new SamplingParameters(null, null, null, null, null, 1L, null, null).options(List.of()).frequencyPenalty()).isZero();
        assertThatThrownBy(() -> new SamplingParameters(null, null, null, null, null, 1L, null, null, 2.5, null).options(List.of()))
                .hasMessageStartingWith("frequency_penalty");
        assertThatThrownBy(() -> new SamplingParameters(null, null, null, null, null, 1L, null, null, null, -3.0).options(List.of()))
                .hasMessageStartingWith("presence_penalty");
    }
}
