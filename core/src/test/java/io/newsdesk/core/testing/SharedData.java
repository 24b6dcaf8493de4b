package io.newsdesk.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared} (evaluation data and model fixtures kept beside the checkout, never copied into it).
 * Tests that need it call {@link #require(String)}, which skips them with a message on machines without it.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder, or null when there is none. */
    public static Path root() {
        String configured = System.getProperty("newsdesk.shared.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate.normalize();
            }
        }
        return null;
    }

    /** The path {@code relative} inside the shared folder; skips the calling test when it is not there. */
    public static Path require(String relative) {
        Path root = root();
        Path path = root == null ? null : root.resolve(relative);
        Assumptions.assumeTrue(path != null && Files.exists(path),
                "skipped: ../shared/" + relative + " is not present on this machine (evaluation data is kept outside the repository)");
        return path;
    }
}
