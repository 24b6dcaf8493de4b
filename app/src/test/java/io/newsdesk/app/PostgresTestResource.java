package io.newsdesk.app;

import io.newsdesk.core.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the test run its own database name (the service creates the database itself, as it does on a fresh
 * machine) and its own data folder, and removes both when the run ends.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private Path dataDir;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.uniqueName("app");
        try {
            dataDir = Files.createTempDirectory("newsdesk-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "newsdesk.db.name", database,
                "newsdesk.db.host", TestDatabase.host(),
                "newsdesk.db.port", Integer.toString(TestDatabase.port()),
                "newsdesk.db.user", TestDatabase.user(),
                "newsdesk.data.dir", dataDir.toString());
    }

    @Override
    public void stop() {
        TestDatabase.drop(database);
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
