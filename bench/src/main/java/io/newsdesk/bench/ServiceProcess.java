package io.newsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The assembled service (app/target/quarkus-app) run as a separate JVM on loopback, as a newsroom would run it. */
final class ServiceProcess implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The kept-feed bound and warming window the bench runs the service with (the service's defaults), named in its report. */
    static final int KEPT_FEED_READERS = 10_000;
    static final int WARM_WINDOW_DAYS = 7;
    final String base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts the service and waits until it answers readiness (index rebuilding counts as not yet ready). */
    static ServiceProcess start(int port, String database, Path dataDir, Path log, List<String> extraProperties,
            Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-XX:+UseG1GC", "-Xmx6g", "-Dquarkus.http.port=" + port, "-Dnewsdesk.db.name=" + database,
                "-Dnewsdesk.data.dir=" + dataDir, "-Dnewsdesk.demo.enabled=false", "-Dnewsdesk.recommend.retrain.enabled=false",
                // the bench starts warming sweeps itself, so that none runs under another measurement
                "-Dnewsdesk.recommend.feed.warm-interval=0",
                "-Dnewsdesk.recommend.feed.snapshot-readers=" + KEPT_FEED_READERS,
                "-Dnewsdesk.recommend.feed.warm-window=" + WARM_WINDOW_DAYS + "d"));
        command.addAll(extraProperties);
        command.addAll(List.of("-jar", "app/target/quarkus-app/quarkus-run.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceProcess service = new ServiceProcess(process, port);
        Instant deadline = Instant.now().plus(timeout);
        while (!service.ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            if (Instant.now().isAfter(deadline)) {
                service.close();
                throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log);
            }
            Thread.sleep(500);
        }
        return service;
    }

    private boolean ready() {
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** CPU time the service's process has used so far, all its threads together. */
    Duration cpu() {
        return CpuTime.of(process.toHandle());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Queues a job through {@code path} and waits for it to end; returns the finished job. */
    JsonNode runJob(String path, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> queued = post(path, "");
        if (queued.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + queued.statusCode() + ": " + queued.body());
        }
        String id = JSON.readTree(queued.body()).get("id").asText();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode job = JSON.readTree(get("/api/jobs/" + id).body());
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("job " + id + " still " + state + " after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
