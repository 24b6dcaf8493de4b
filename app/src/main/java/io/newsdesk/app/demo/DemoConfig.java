package io.newsdesk.app.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code newsdesk.demo.*}: the demo newsroom. */
@ConfigMapping(prefix = "newsdesk.demo")
public interface DemoConfig {

    /** Load the demo articles and readers at start (skipping what is already there). */
    @WithDefault("false")
    boolean enabled();

    /** Simulated readers. */
    @WithDefault("200")
    int readers();

    /** Seed of the reader simulation, so that every demo start tells the same story. */
    @WithDefault("7")
    long seed();
}
