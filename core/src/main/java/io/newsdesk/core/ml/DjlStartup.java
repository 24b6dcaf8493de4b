package io.newsdesk.core.ml;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Puts DJL offline before any other startup step can load an engine. */
@ApplicationScoped
public class DjlStartup {

    void onStart(@Observes @Priority(1) StartupEvent event) {
        DjlOffline.enforce();
    }
}
