package io.newsdesk.core.ml.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** {@code newsdesk.models.*}: the model store. */
@ConfigMapping(prefix = "newsdesk.models")
public interface ModelsConfig {

    /** Folder holding model folders as published; default {@code <newsdesk.data.dir>/models}. */
    Optional<String> dir();

    /** Most bytes of weights loaded at once; loading more unloads the least recently used models first. */
    @WithDefault("8000000000")
    long maxLoadedBytes();

    /**
     * Most bytes of recent prompts' keys and values each loaded model keeps, so that a prompt beginning like one of
     * them (a chat's next turn) runs only from where they part; 0 keeps none.
     */
    @WithDefault("268435456")
    long promptCacheBytes();

    /** Registered models to load when the service starts, in this order; none by default. */
    Optional<List<String>> preload();
}
