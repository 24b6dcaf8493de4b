package io.newsdesk.core.ml.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotary frequencies under the scalings configs name, checked against values worked out by hand. */
class RopeScalingTest {

    /** Llama 3.1's published settings: theta 500,000, head 128, factor 8, low 1, high 4, original context 8192. */
    static final RopeScaling LLAMA_31 = new RopeScaling("llama3", 8, 1, 4, 8192);

    @Test
    void withoutScalingTheFrequenciesAreThetaToTheMinusTwoIOverD() {
        double[] f = RopeScaling.NONE.inverseFrequencies(10_000, 8);
        assertThat(f).containsExactly(new double[] {1, 0.1, 0.01, 0.001}, within(1e-12));
    }

    @Test
    void linearScalingDividesEveryFrequency() {
        double[] f = new RopeScaling("linear", 4, 1, 4, 0).inverseFrequencies(10_000, 8);
        assertThat(f).containsExactly(new double[] {0.25, 0.025, 0.0025, 0.00025}, within(1e-12));
    }

    @Test
    void llama3KeepsHighFrequenciesDividesLowOnesAndBlendsBetween() {
        double[] base = RopeScaling.NONE.inverseFrequencies(500_000, 128);
        double[] scaled = LLAMA_31.inverseFrequencies(500_000, 128);
        // i = 0: wavelength 2 pi, far below 8192 / 4
        assertThat(scaled[0]).isEqualTo(base[0]);
        // i = 40: 500000^(80/128) = 3645.5, wavelength 22,905 > 8192: divided by the factor
        assertThat(scaled[40] / base[40]).isCloseTo(1.0 / 8, within(1e-12));
        // i = 30: 500000^(60/128) = 469.1, wavelength 2,947.5: smooth = (8192 / 2947.5 - 1) / 3 = 0.5931,
        // ratio = (1 - 0.5931) / 8 + 0.5931 = 0.6440
        assertThat(scaled[30] / base[30]).isCloseTo(0.6440, within(0.0005));
        for (int i = 1; i < scaled.length; i++) {
            assertThat(scaled[i]).isLessThan(scaled[i - 1]);
        }
    }

    @Test
    void configsNameTheirScalingInEitherPlaceAndUnknownOnesAreRefused(@TempDir Path folder) throws Exception {
        String shape = """
                "model_type": "llama", "vocab_size": 32, "hidden_size": 8, "intermediate_size": 16, "num_hidden_layers": 1,
                "num_attention_heads": 2, "num_key_value_heads": 1, "max_position_embeddings": 131072, "eos_token_id": [5, 7],""";
        Files.writeString(folder.resolve("config.json"), "{" + shape + """
                "rope_theta": 500000.0, "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
                "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}}""");
        Files.writeString(folder.resolve("generation_config.json"), "{\"eos_token_id\": [7, 9]}");
        CausalLmConfig config = CausalLmConfig.read(folder);
        assertThat(config.ropeScaling()).isEqualTo(LLAMA_31);
        assertThat(config.ropeTheta()).isEqualTo(500_000);
        assertThat(config.eosTokenIds()).containsExactly(5, 7, 9);

        Files.writeString(folder.resolve("config.json"), "{" + shape + """
                "rope_parameters": {"rope_theta": 10000.0, "rope_type": "linear", "factor": 2.0}}""");
        assertThat(CausalLmConfig.read(folder).ropeScaling().factor()).isEqualTo(2.0);

        Files.writeString(folder.resolve("config.json"), "{" + shape + """
                "rope_scaling": {"type": "yarn", "factor": 4.0}}""");
        assertThatThrownBy(() -> CausalLmConfig.read(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yarn");
    }
}
