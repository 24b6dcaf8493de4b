package io.newsdesk.core.ml.store;

import ai.djl.Device;
import io.newsdesk.core.ml.llm.CausalLm;
import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.ml.llm.LmTokenizer;
import io.newsdesk.core.ml.llm.PromptCache;
import io.newsdesk.core.ml.llm.SamplingDefaults;
import io.newsdesk.core.ml.llm.TextGenerator;
import io.newsdesk.core.problem.ServiceUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A loaded language model shared by every request: requests take turns (a fair lock, so they are served in the
 * order they came), each with its own KV cache, so no request sees another's tokens. Recent prompts' keys and values
 * are kept ({@link PromptCache}), so a prompt that begins like one of them runs only from where they part.
 */
public final class LoadedLm implements AutoCloseable {

    private final String name;
    private final CausalLm model;
    private final LmTokenizer tokenizer;
    private final Optional<ChatTemplate> chatTemplate;
    private final SamplingDefaults samplingDefaults;
    private final PromptCache promptCache;
    private final ReentrantLock turn = new ReentrantLock(true);

    LoadedLm(String name, CausalLm model, LmTokenizer tokenizer, Optional<ChatTemplate> chatTemplate,
            SamplingDefaults samplingDefaults, long promptCacheBytes) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
        this.chatTemplate = chatTemplate;
        this.samplingDefaults = samplingDefaults;
        this.promptCache = new PromptCache(model.config(), promptCacheBytes);
    }

    /** Most bytes of recent prompts' keys and values kept per model unless configured otherwise. */
    public static final long PROMPT_CACHE_BYTES = 256L << 20;

    /** Loads the model folder's weights onto {@code device}, its tokenizer and its chat template, if it has one. */
    public static LoadedLm load(String name, Path folder, Device device) throws IOException {
        return load(name, folder, device, PROMPT_CACHE_BYTES);
    }

    /** As {@link #load(String, Path, Device)}, keeping at most {@code promptCacheBytes} of recent prompts. */
    public static LoadedLm load(String name, Path folder, Device device, long promptCacheBytes) throws IOException {
        CausalLm model = CausalLm.load(folder, device);
        try {
            return new LoadedLm(name, model, LmTokenizer.load(folder), ChatTemplate.fromFolder(folder),
                    SamplingDefaults.read(folder), promptCacheBytes);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public LmTokenizer tokenizer() {
        return tokenizer;
    }

    public Optional<ChatTemplate> chatTemplate() {
        return chatTemplate;
    }

    /** The sampling its publisher recommends, for the fields a request leaves out. */
    public SamplingDefaults samplingDefaults() {
        return samplingDefaults;
    }

    public CausalLm model() {
        return model;
    }

    /**
     * Runs {@code work} with the model when it is this request's turn; a request whose turn has not come by
     * {@code deadline} is refused with a 503 rather than left waiting.
     */
    public <T> T withTurn(Instant deadline, Function<TextGenerator, T> work) {
        try {
            long wait = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
            if (!turn.tryLock(wait, TimeUnit.NANOSECONDS)) {
                throw new ServiceUnavailableException("model-busy", "Model busy", "the model '" + name
                        + "' was busy with other requests for the whole request timeout; retry later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("model-busy", "Model busy", "interrupted while waiting for the model");
        }
        try {
            return work.apply(new TextGenerator(model, tokenizer, promptCache));
        } finally {
            turn.unlock();
        }
    }

    /** Requests waiting for the model's turn now (the one generating not counted). */
    int waiting() {
        return turn.getQueueLength();
    }

    /** Memory it holds: its weights and the keys and values of the recent prompts it keeps. */
    long bytes() {
        return model.weightBytes() + promptCache.bytes();
    }

    @Override
    public void close() {
        turn.lock();
        try {
            promptCache.close();
            tokenizer.close();
            model.close();
        } finally {
            turn.unlock();
        }
    }

}
