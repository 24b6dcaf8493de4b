package io.newsdesk.core.ml.store;

import java.time.Instant;

/**
 * A model in the registry.
 *
 * @param folder      its folder, relative to the model store
 * @param loaded      whether its weights are in memory now
 * @param loadedBytes bytes its weights and its prompt cache take while loaded, 0 otherwise
 * @param device      where its weights are while loaded ({@code cpu()}, {@code gpu(0)}), null otherwise
 * @param precision   what its weight matrices are held in while loaded ({@code F32}, or {@code F16} for models
 *                    published in half precision), null otherwise
 * @param waiting     requests waiting for its turn now, besides the one it is generating for
 */
public record RegisteredModel(String name, ModelTask task, String folder, String architecture, Instant registeredAt,
        boolean loaded, long loadedBytes, String device, String precision, int waiting) {
}
