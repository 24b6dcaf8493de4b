package io.newsdesk.core.ml.llm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The keys and values of every layer for the tokens of one sequence so far, (kv heads, tokens, head dim) each, so
 * that each new token attends to the past without recomputing it. Close it when the sequence ends.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private int length;

    KvCache(NDManager manager, int layers) {
        this.manager = manager;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** Tokens cached. */
    public int length() {
        return length;
    }

    /**
     * Appends a layer's new keys and values; returns the layer's keys and values for all tokens. They are written
     * into buffers that double when full, so a long generation copies each token's keys a few times in all rather
     * than once per later token, as concatenating would.
     */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        long tokens = k.getShape().get(1);
        long needed = length + tokens;
        if (keys[layer] == null || keys[layer].getShape().get(1) < needed) {
            long capacity = Math.max(needed, keys[layer] == null ? 0 : 2 * keys[layer].getShape().get(1));
            keys[layer] = grown(keys[layer], k, capacity);
            values[layer] = grown(values[layer], v, capacity);
        }
        NDIndex fresh = new NDIndex(":, {}:{}, :", length, needed);
        keys[layer].set(fresh, k);
        values[layer].set(fresh, v);
        NDIndex filled = new NDIndex(":, :{}, :", needed);
        NDArray[] all = {keys[layer].get(filled), values[layer].get(filled)};
        for (NDArray view : all) {
            view.attach(k.getManager()); // freed with the forward pass that asked, not kept until the sequence ends
        }
        return all;
    }

    /** A buffer of {@code capacity} tokens holding what {@code old} held, shaped and typed like {@code like}. */
    private NDArray grown(NDArray old, NDArray like, long capacity) {
        Shape shape = like.getShape();
        NDArray buffer = manager.zeros(new Shape(shape.get(0), capacity, shape.get(2)), like.getDataType(), like.getDevice());
        if (old != null) {
            try (NDArray filled = old.get(new NDIndex(":, :{}, :", length))) {
                buffer.set(new NDIndex(":, :{}, :", length), filled);
            }
            old.close();
        }
        return buffer;
    }

    /**
     * A copy of what is cached, for another sequence that goes on from the same tokens (another answer to the same
     * prompt): copying the keys and values costs far less than computing them again.
     */
    KvCache fork() {
        return fork(length);
    }

    /** A copy of the first {@code tokens} cached, for a sequence that shares only those with this one. */
    KvCache fork(int tokens) {
        if (tokens < 0 || tokens > length) {
            throw new IllegalArgumentException(tokens + " of " + length + " cached tokens");
        }
        KvCache copy = new KvCache(manager.getParentManager().newSubManager(), keys.length);
        NDIndex filled = new NDIndex(":, :{}, :", tokens);
        for (int layer = 0; layer < keys.length; layer++) {
            if (keys[layer] != null) {
                copy.keys[layer] = copied(keys[layer], filled, copy.manager);
                copy.values[layer] = copied(values[layer], filled, copy.manager);
            }
        }
        copy.length = tokens;
        return copy;
    }

    private static NDArray copied(NDArray buffer, NDIndex filled, NDManager owner) {
        try (NDArray view = buffer.get(filled)) {
            NDArray copy = view.duplicate();
            copy.attach(owner);
            return copy;
        }
    }

    void advance(int tokens) {
        length += tokens;
    }

    /**
     * Forgets every token past the first {@code tokens}: they were run ahead on a guess that did not come true. Their
     * keys and values stay in the buffers until the next tokens overwrite them.
     */
    void rewind(int tokens) {
        if (tokens < 0 || tokens > length) {
            throw new IllegalArgumentException("cannot rewind " + length + " cached tokens to " + tokens);
        }
        length = tokens;
    }

    @Override
    public void close() {
        manager.close();
    }
}
