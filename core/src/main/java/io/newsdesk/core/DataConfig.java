package io.newsdesk.core;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code newsdesk.data.*}: where the service keeps files (index, extracted model files). */
@ConfigMapping(prefix = "newsdesk.data")
public interface DataConfig {

    /** Folder for derived files; everything in it can be rebuilt from PostgreSQL and the model artifacts. */
    @WithDefault("data")
    String dir();
}
