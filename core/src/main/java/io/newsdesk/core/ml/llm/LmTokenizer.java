package io.newsdesk.core.ml.llm;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The model folder's {@code tokenizer.json} through DJL's Hugging Face tokenizers binding: prompts become ids with
 * the tokenizer's own special tokens (a BOS where its post-processor adds one), ids become text.
 */
public final class LmTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final Path tokenizerJson;
    private Optional<TokenBytes> tokenBytes;

    private LmTokenizer(HuggingFaceTokenizer tokenizer, Path tokenizerJson) {
        this.tokenizer = tokenizer;
        this.tokenizerJson = tokenizerJson;
    }

    public static LmTokenizer load(Path folder) throws IOException {
        Path json = folder.resolve("tokenizer.json");
        return new LmTokenizer(HuggingFaceTokenizer.builder().optTokenizerPath(json)
                .optAddSpecialTokens(true).optTruncation(false).optPadding(false).build(), json);
    }

    /**
     * The bytes of each token, read from {@code tokenizer.json} the first time they are asked for (only constrained
     * generation needs them); empty for a vocabulary of a kind {@link TokenBytes} does not read.
     */
    public synchronized Optional<TokenBytes> tokenBytes() {
        if (tokenBytes == null) {
            try {
                tokenBytes = TokenBytes.load(tokenizerJson);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + tokenizerJson, e);
            }
        }
        return tokenBytes;
    }

    /** The ids of a plain prompt, with the special tokens the tokenizer adds (a BOS, for most). */
    public int[] encode(String text) {
        return ids(tokenizer.encode(text));
    }

    /**
     * The ids of a rendered chat template, with no special tokens added: the template writes its own (a BOS among
     * them where the model wants one), and transformers' {@code apply_chat_template} adds none either.
     */
    public int[] encodeRendered(String text) {
        return ids(tokenizer.encode(text, false, false));
    }

    private static int[] ids(Encoding encoding) {
        long[] ids = encoding.getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    /** Text of the ids, special tokens left out. */
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, true);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
