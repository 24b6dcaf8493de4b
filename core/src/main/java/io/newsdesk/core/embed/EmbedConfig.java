package io.newsdesk.core.embed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code newsdesk.embed.*}: how the text embedder runs. */
@ConfigMapping(prefix = "newsdesk.embed")
public interface EmbedConfig {

    /** Texts per forward pass. */
    @WithDefault("32")
    int batchSize();

    /** Predictors that may run at once; each gets {@code threads / predictors} ONNX Runtime threads. */
    @WithDefault("1")
    int predictors();

    /** ONNX Runtime threads in all; defaults to the number of cores. */
    Optional<Integer> threads();

    /** Most tokens per passage when a long text is chunked (16..512). */
    @WithDefault("256")
    int passageTokens();
}
