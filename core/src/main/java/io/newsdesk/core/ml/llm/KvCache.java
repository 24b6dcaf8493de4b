package io.newsdesk.core.ml.llm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

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

    /** Appends a layer's new keys and values; returns the layer's keys and values for all tokens. */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        NDArray allKeys = keys[layer] == null ? k : NDArrays.concat(new NDList(keys[layer], k), 1);
        NDArray allValues = values[layer] == null ? v : NDArrays.concat(new NDList(values[layer], v), 1);
        allKeys.attach(manager);
        allValues.attach(manager);
        if (keys[layer] != null) {
            keys[layer].close();
            values[layer].close();
        }
        keys[layer] = allKeys;
        values[layer] = allValues;
        return new NDArray[] {allKeys, allValues};
    }

    void advance(int tokens) {
        length += tokens;
    }

    @Override
    public void close() {
        manager.close();
    }
}
