package io.newsdesk.core.embed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;

/**
 * An embedder that counts what it does: texts and tokens embedded ({@code newsdesk_embedding_texts_total},
 * {@code newsdesk_embedding_tokens_total}, whose rates are the throughput) and the time per call
 * ({@code newsdesk_embedding_seconds}).
 */
final class MeteredEmbedder implements TextEmbedder {

    private final TextEmbedder delegate;
    private final Counter texts;
    private final Counter tokens;
    private final Timer calls;

    MeteredEmbedder(TextEmbedder delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.texts = Counter.builder("newsdesk.embedding.texts").description("Texts embedded")
                .tag("model", delegate.model()).register(registry);
        this.tokens = Counter.builder("newsdesk.embedding.tokens").description("Tokens embedded")
                .tag("model", delegate.model()).register(registry);
        this.calls = Timer.builder("newsdesk.embedding").description("Time per embedding call")
                .tag("model", delegate.model()).register(registry);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public int maxTokens() {
        return delegate.maxTokens();
    }

    @Override
    public int countTokens(String text) {
        return delegate.countTokens(text);
    }

    @Override
    public List<String> tokenPieces(String text, int maxTokens) {
        return delegate.tokenPieces(text, maxTokens);
    }

    @Override
    public Embeddings embed(List<String> input, EmbeddingPurpose purpose) {
        Embeddings result = calls.record(() -> delegate.embed(input, purpose));
        texts.increment(input.size());
        tokens.increment(result.totalTokens());
        return result;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
