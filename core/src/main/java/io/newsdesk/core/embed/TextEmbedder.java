package io.newsdesk.core.embed;

import java.util.List;

/**
 * Turns texts into unit-length vectors whose dot product measures how related they are.
 *
 * <p>An implementation accepts texts of at most {@link #maxTokens()} tokens each and refuses longer ones with an
 * {@link IllegalArgumentException}; callers split long texts with {@link PassageChunker} rather than letting the
 * model truncate them silently. Implementations are thread-safe.
 */
public interface TextEmbedder extends AutoCloseable {

    /** Model and key parameters, e.g. {@code bge-small-en-v1.5(onnx-int8, cls, query-instruction)}. */
    String name();

    /** The model's short name as clients select it, e.g. {@code bge-small-en-v1.5}. */
    String model();

    int dimension();

    /** The most tokens (special tokens included) one text may have. */
    int maxTokens();

    /** Counts the tokens {@code text} takes as a document, special tokens included. */
    int countTokens(String text);

    /** Splits {@code text} into token-counted pieces that each fit in {@code maxTokens} tokens. */
    List<String> tokenPieces(String text, int maxTokens);

    /**
     * Embeds {@code texts} in one call; the result keeps their order.
     *
     * @throws IllegalArgumentException if a text has more than {@link #maxTokens()} tokens
     */
    Embeddings embed(List<String> texts, EmbeddingPurpose purpose);

    @Override
    void close();
}
