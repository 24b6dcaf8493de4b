package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplingDefaultsTest {

    @Test
    void readsThePublishersSamplingFromGenerationConfig(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("generation_config.json"), """
                {"do_sample": true, "temperature": 0.7, "top_p": 0.8, "top_k": 20, "repetition_penalty": 1.05,
                 "max_new_tokens": 512, "eos_token_id": [7, 9]}""");
        assertThat(SamplingDefaults.read(folder)).isEqualTo(new SamplingDefaults(0.7, 0.8, 20, 1.05));
    }

    @Test
    void aMissingFileOrFieldOrAValueOutOfRangeGivesNoDefault(@TempDir Path folder) throws Exception {
        assertThat(SamplingDefaults.read(folder)).isEqualTo(SamplingDefaults.NONE);
        Files.writeString(folder.resolve("generation_config.json"), """
                {"temperature": 0, "top_p": 0, "top_k": -1, "repetition_penalty": "1.1"}""");
        assertThat(SamplingDefaults.read(folder)).as("temperature 0 (greedy) is a valid default; the rest are not")
                .isEqualTo(new SamplingDefaults(0.0, null, null, null));
    }

    @Test
    void theFixturesRecommendNothing() throws Exception {
        assertThat(SamplingDefaults.read(Path.of("src/test/resources/models/tiny-llama"))).isEqualTo(SamplingDefaults.NONE);
    }
}
