package io.newsdesk.core.ml.store;

import io.newsdesk.core.ml.llm.CausalLm;
import io.newsdesk.core.ml.llm.ChatTemplate;
import io.newsdesk.core.ml.llm.LmTokenizer;
import io.newsdesk.core.ml.llm.TextGenerator;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;


/**
 * A loaded language model shared by every request: requests take turns (a fair lock, so they are served in the
 * order they came), each with its own KV cache, so no request sees another's tokens.
 */
public final class LoadedLm implements AutoCloseable {

    private final String name;
    private final CausalLm model;
    private final LmTokenizer tokenizer;
    private final Optional<ChatTemplate> chatTemplate;
    private final ReentrantLock turn = new ReentrantLock(true);

    LoadedLm(String name, CausalLm model, LmTokenizer tokenizer, Optional<ChatTemplate> chatTemplate) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
        this.chatTemplate = chatTemplate;
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

    public CausalLm model() {
        return model;
    }

    /** Runs {@code work} with the model when it is this request's turn. */
    public <T> T withTurn(java.util.function.Function<TextGenerator, T> work) {
        turn.lock();
        try {
            return work.apply(new TextGenerator(model, tokenizer));
        } finally {
            turn.unlock();
        }
    }

    long bytes() {
        return model.weightBytes();
    }

    @Override
    public void close() {
        turn.lock();
        try {
            tokenizer.close();
            model.close();
        } finally {
            turn.unlock();
        }
    }

}
