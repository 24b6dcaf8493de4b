package io.newsdesk.core.embed;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.core.DataConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Loads the text embedder once at start (so the first request does not pay for it) and closes it at shutdown.
 */
@ApplicationScoped
public class EmbedderProducer {

    private final EmbedConfig config;
    private final DataConfig data;
    private final MeterRegistry registry;

    public EmbedderProducer(EmbedConfig config, DataConfig data, MeterRegistry registry) {
        this.config = config;
        this.data = data;
        this.registry = registry;
    }

    @Produces
    @Singleton
    @Startup
    TextEmbedder embedder() {
        int threads = config.threads().orElse(Runtime.getRuntime().availableProcessors());
        int predictors = config.predictors();
        var options = new EmbedderOptions(config.batchSize(), predictors, Math.max(1, threads / predictors));
        return new MeteredEmbedder(BgeSmallEmbedder.load(Path.of(data.dir(), "models"), options), registry);
    }

    void close(@Disposes TextEmbedder embedder) {
        embedder.close();
    }

    @Produces
    @Singleton
    DocumentEmbedder documentEmbedder(TextEmbedder embedder) {
        return new DocumentEmbedder(embedder, new PassageChunker(embedder, config.passageTokens()));
    }
}
