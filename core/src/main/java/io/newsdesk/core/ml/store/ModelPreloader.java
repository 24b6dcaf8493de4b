package io.newsdesk.core.ml.store;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the models {@code newsdesk.models.preload} names when the service starts, in the background, so that the
 * first editor to ask does not wait for the weights (seconds for a small model, minutes for a large one). A name
 * that is not registered, or a folder that cannot load, is logged and skipped: the service starts regardless, and
 * such a model loads on first use as any other would.
 */
@ApplicationScoped
public class ModelPreloader {

    private static final Logger LOG = Logger.getLogger(ModelPreloader.class);

    private final ModelRegistry registry;
    private final List<String> names;

    @jakarta.inject.Inject
    public ModelPreloader(ModelRegistry registry, ModelsConfig config) {
        this(registry, config.preload().orElse(List.of()));
    }

    ModelPreloader(ModelRegistry registry, List<String> names) {
        this.registry = registry;
        this.names = List.copyOf(names);
    }

    void onStart(@Observes StartupEvent event) {
        if (!names.isEmpty()) {
            Thread.ofPlatform().name("model-preload").daemon().start(this::preload);
        }
    }

    /** Loads each model in turn; the names that loaded. */
    List<String> preload() {
        List<String> done = new ArrayList<>();
        for (String name : names) {
            try {
                registry.load(name);
                done.add(name);
                LOG.infof("preloaded model %s", name);
            } catch (RuntimeException e) {
                LOG.warnf("cannot preload model %s: %s", name, e.getMessage());
            }
        }
        return done;
    }
}
