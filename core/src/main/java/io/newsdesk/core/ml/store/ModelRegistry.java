package io.newsdesk.core.ml.store;

import io.newsdesk.core.DataConfig;
import io.newsdesk.core.ml.ComputeDevice;
import io.newsdesk.core.ml.UnknownModelException;
import io.newsdesk.core.ml.llm.CausalLmConfig;
import io.newsdesk.core.problem.InvalidRequestException;
import io.newsdesk.core.problem.ServiceUnavailableException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Models registered by name and task from the model store, kept in PostgreSQL so every process of the service
 * knows them; weights are loaded on first use and unloaded least recently used first when the loaded models would
 * exceed {@code newsdesk.models.max-loaded-bytes}.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    /** What a model's name may be: it appears in URLs and in the OpenAI-compatible {@code model} field. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

    private final DataSource dataSource;
    private final Path store;
    private final long maxLoadedBytes;
    /** Access-ordered: the first entry is the least recently used. */
    private final Map<String, LoadedLm> loaded = new LinkedHashMap<>(16, 0.75f, true);

    /** One lock per model name, so that a model loads once while other models and listings go on. */
    private final Map<String, Object> loading = new HashMap<>();
    private final Loader loader;

    /** Reads a registered model's folder into memory. */
    @FunctionalInterface
    interface Loader {
        LoadedLm load(String name, Path folder) throws IOException;
    }

    @Inject
    public ModelRegistry(DataSource dataSource, ModelsConfig config, DataConfig data,
            @ConfigProperty(name = ComputeDevice.KEY, defaultValue = "auto") String device) {
        this(dataSource, Path.of(config.dir().orElse(Path.of(data.dir(), "models").toString())), config.maxLoadedBytes(),
                (name, folder) -> LoadedLm.load(name, folder, ComputeDevice.choose(device), config.promptCacheBytes()));
    }

    ModelRegistry(DataSource dataSource, Path store, long maxLoadedBytes, Loader loader) {
        this.dataSource = dataSource;
        this.store = store.toAbsolutePath().normalize();
        this.maxLoadedBytes = maxLoadedBytes;
        this.loader = loader;
    }

    /** Registers (or re-registers) a model folder of the store under {@code name}. */
    public RegisteredModel register(String name, ModelTask task, String folder) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name: '" + name + "' is not 1-64 letters, digits, '.', '_' or '-'");
        }
        Path path = resolve(folder);
        String architecture;
        try {
            architecture = CausalLmConfig.read(path).modelType();
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRequestException("folder: " + folder + " is not a supported " + task.code() + " model: " + e.getMessage());
        }
        Instant registeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO core_model (name, task, folder, registered_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET task = EXCLUDED.task, folder = EXCLUDED.folder,
                    registered_at = EXCLUDED.registered_at""")) {
            s.setString(1, name);
            s.setString(2, task.code());
            s.setString(3, folder);
            s.setTimestamp(4, Timestamp.from(registeredAt));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register model " + name, e);
        }
        unload(name);
        // what was written, not read back: a deletion racing this registration must not turn it into an error
        return new RegisteredModel(name, task, folder, architecture, registeredAt, false, 0, null, null, 0);
    }

    /** The folder inside the store; anything outside it, or no path at all, is refused. */
    private Path resolve(String folder) {
        Path path;
        try {
            path = store.resolve(folder).normalize();
        } catch (InvalidPathException e) {
            throw new InvalidRequestException("folder: not a path (" + e.getReason() + ")");
        }
        if (!path.startsWith(store) || !Files.isRegularFile(path.resolve("config.json"))) {
            throw new InvalidRequestException("folder: " + folder + " is not a model folder inside the model store");
        }
        return path;
    }

    public List<RegisteredModel> list() {
        return query("SELECT name, task, folder, registered_at FROM core_model ORDER BY name", null);
    }

    public Optional<RegisteredModel> find(String name) {
        if (!NAME.matcher(name).matches()) {
            return Optional.empty(); // never registered, and PostgreSQL would refuse some such names (a NUL) outright
        }
        return query("SELECT name, task, folder, registered_at FROM core_model WHERE name = ?", name).stream().findFirst();
    }

    /** Removes a model from the registry (and from memory); false if there was none. */
    public boolean delete(String name) {
        unload(name);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM core_model WHERE name = ?")) {
            s.setString(1, name);
            return s.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete model " + name, e);
        }
    }

    /**
     * The loaded text generation model {@code name}, loading it first if needed. A load (seconds for a real model)
     * holds only that model's lock: requests for models already loaded, and listings, do not wait for it.
     */
    public LoadedLm textGeneration(String name) {
        LoadedLm model = loadedModel(name);
        if (model != null) {
            return model;
        }
        Object lock;
        synchronized (this) {
            lock = loading.computeIfAbsent(name, n -> new Object());
        }
        synchronized (lock) {
            model = loadedModel(name);
            if (model != null) {
                return model;
            }
            RegisteredModel registered = find(name).filter(m -> m.task() == ModelTask.TEXT_GENERATION)
                    .orElseThrow(() -> new UnknownModelException(name, list().stream()
                            .filter(m -> m.task() == ModelTask.TEXT_GENERATION).map(RegisteredModel::name).toList()));
            Path path = resolve(registered.folder());
            try {
                model = loader.load(name, path);
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "cannot load model %s from %s", name, path);
                throw new ServiceUnavailableException("model-unavailable", "Model unavailable", "the model '" + name
                        + "' cannot be loaded from its folder '" + registered.folder() + "': " + e.getMessage());
            }
            synchronized (this) {
                if (!registered.registeredAt().equals(find(name).map(RegisteredModel::registeredAt).orElse(null))) {
                    model.close();
                    throw new ServiceUnavailableException("model-unavailable", "Model unavailable", "the model '" + name
                            + "' was registered again or removed while it loaded; retry");
                }
                loaded.put(name, model);
                evictBeyondBudget(name);
            }
            return model;
        }
    }

    private synchronized LoadedLm loadedModel(String name) {
        return loaded.get(name);
    }

    private void evictBeyondBudget(String keep) {
        long total = loaded.values().stream().mapToLong(LoadedLm::bytes).sum();
        var it = loaded.entrySet().iterator();
        while (total > maxLoadedBytes && it.hasNext()) {
            var e = it.next();
            if (!e.getKey().equals(keep)) {
                total -= e.getValue().bytes();
                e.getValue().close();
                it.remove();
            }
        }
    }

    /** Loads a registered model's weights now, so that its first request does not wait for them. */
    public RegisteredModel load(String name) {
        textGeneration(name);
        return find(name).orElseThrow(() -> new UnknownModelException(name, // deleted meanwhile
                list().stream().filter(m -> m.task() == ModelTask.TEXT_GENERATION).map(RegisteredModel::name).toList()));
    }

    /** Frees a model's weights; it loads again on its next use. */
    public synchronized void unload(String name) {
        LoadedLm model = loaded.remove(name);
        if (model != null) {
            model.close();
        }
    }

    private List<RegisteredModel> query(String sql, String name) {
        List<RegisteredModel> models = new ArrayList<>();
        Map<String, LoadedLm> loadedNow;
        synchronized (this) {
            loadedNow = new java.util.HashMap<>(loaded); // copied, not looked up: a listing is no use of a model
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (name != null) {
                s.setString(1, name);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String n = rs.getString(1);
                    String folder = rs.getString(3);
                    LoadedLm live = loadedNow.get(n);
                    models.add(new RegisteredModel(n, ModelTask.fromCode(rs.getString(2)), folder, architecture(folder),
                            rs.getTimestamp(4).toInstant(), live != null, live == null ? 0 : live.bytes(),
                            live == null ? null : live.model().device(), live == null ? null : live.model().matrixPrecision(),
                            live == null ? 0 : live.waiting()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the model registry", e);
        }
        return models;
    }

    private String architecture(String folder) {
        try {
            return CausalLmConfig.read(store.resolve(folder)).modelType();
        } catch (IOException | RuntimeException e) {
            return "unreadable";
        }
    }

    @PreDestroy
    synchronized void close() {
        loaded.values().forEach(LoadedLm::close);
        loaded.clear();
    }
}
