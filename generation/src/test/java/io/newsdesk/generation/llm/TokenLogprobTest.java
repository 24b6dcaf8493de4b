package io.newsdesk.generation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsdesk.core.ml.llm.LmTokenizer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TokenLogprobTest {

    @Test
    void logProbabilitiesAreTheLogSoftmaxOfTheLogitsWithTheMostLikelyFirst() throws Exception {
        try (LmTokenizer tokenizer = LmTokenizer.load(Path.of("../core/src/test/resources/models/tiny-qwen2"))) {
            float[] logits = new float[512];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = (float) Math.sin(i * 0.37) * 3;
            }
            logits[100] = 9;
            logits[200] = 8;
            TokenLogprob entry = TokenLogprob.of(200, logits, 3, tokenizer);
            double total = 0;
            for (float l : logits) {
                total += Math.exp(l);
            }
            assertThat(entry.logprob()).isCloseTo(8 - Math.log(total), within(1e-9));
            assertThat(entry.token()).isEqualTo(tokenizer.decode(new int[] {200}));
            assertThat(entry.top()).hasSize(3);
            assertThat(entry.top().get(0).logprob()).isCloseTo(9 - Math.log(total), within(1e-9));
            assertThat(entry.top().get(1).token()).isEqualTo(entry.token());
            assertThat(entry.top().get(2).logprob()).isLessThan(entry.top().get(1).logprob());
            assertThat(new String(toBytes(entry), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(entry.token());
            assertThat(TokenLogprob.of(5, logits, 0, tokenizer).top()).isEmpty();
        }
    }

    private static byte[] toBytes(TokenLogprob entry) {
        byte[] bytes = new byte[entry.bytes().size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (int) entry.bytes().get(i);
        }
        return bytes;
    }
}
