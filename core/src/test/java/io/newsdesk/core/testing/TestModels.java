package io.newsdesk.core.testing;

import io.newsdesk.core.embed.BgeSmallEmbedder;
import io.newsdesk.core.embed.DocumentEmbedder;
import io.newsdesk.core.embed.EmbedderOptions;
import io.newsdesk.core.embed.PassageChunker;
import io.newsdesk.core.embed.TextEmbedder;
import java.nio.file.Path;

/** The real embedding model, loaded once per test JVM and shared by the tests that need it. */
public final class TestModels {

    private static TextEmbedder embedder;

    private TestModels() {
    }

    public static synchronized TextEmbedder embedder() {
        if (embedder == null) {
            Path cache = Path.of(System.getProperty("java.io.tmpdir"), "newsdesk-test-models");
            embedder = BgeSmallEmbedder.load(cache, EmbedderOptions.defaults());
        }
        return embedder;
    }

    public static DocumentEmbedder documentEmbedder() {
        return new DocumentEmbedder(embedder(), new PassageChunker(embedder(), 256));
    }
}
