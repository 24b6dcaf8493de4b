package io.newsdesk.core.ml;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts DJL offline before any other startup step can load an engine, and refuses to start on a
 * {@code newsdesk.device} that is malformed or names a GPU the engine does not see, rather than fail at the first
 * request for a language model.
 */
@ApplicationScoped
public class DjlStartup {

    private final String device;

    public DjlStartup(@ConfigProperty(name = ComputeDevice.KEY, defaultValue = "auto") String device) {
        this.device = device;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        DjlOffline.enforce();
        ComputeDevice.checkForm(device);
        if (device.strip().startsWith("gpu")) {
            ComputeDevice.choose(device);
        }
    }
}
