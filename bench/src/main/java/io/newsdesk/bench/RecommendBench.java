package io.newsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The recommendation speed benchmark: a synthetic newsroom (100,000 articles, 50,000 readers, 5,000,000 events by
 * default) is loaded into a fresh database, the service is started on loopback as a separate JVM, the last
 * {@code --http-events} events are posted through {@code POST /api/events} (ingestion rate), the matrix model and
 * the ranker are trained through their jobs (training time), and clients request feeds: first visits of the
 * active readers, then their returning sessions ({@link FeedLoad}; latency percentiles, feeds/s). Writes
 * {@code bench/results/recommend-speed.md}.
 *
 * <p>Usage: {@code RecommendBench [--articles N] [--readers N] [--events N] [--http-events N] [--clients N]
 * [--seconds N] [--active-readers N] [--out file.md] [--jfr recording.jfr] [--keep true] [--reuse true]}: {@code --keep} leaves the
 * database for a later {@code --reuse} run, which skips loading and ingestion (for profiling the feed)
 */
public final class RecommendBench {

    static final String DATABASE = "newsdesk_bench";
    static final int PORT = 18_480;
    static final int EVENT_BATCH = 1_000;
    /** The share of sessions in the mixed run that are first visits of new readers. */
    static final double NEW_READERS = 0.05;

    private RecommendBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int articles = Integer.parseInt(options.getOrDefault("articles", "100000"));
        int readers = Integer.parseInt(options.getOrDefault("readers", "50000"));
        long events = Long.parseLong(options.getOrDefault("events", "5000000"));
        int httpEvents = (int) Math.min(events, Long.parseLong(options.getOrDefault("http-events", "500000")));
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int active = Math.min(readers, Integer.parseInt(options.getOrDefault("active-readers", "4000")));
        Path out = Path.of(options.getOrDefault("out", "bench/results/recommend-speed.md"));
        Path work = Files.createTempDirectory("newsdesk-bench-");
        Path log = work.resolve("service.log");
        log("work folder " + work + " (service log: " + log + ")");

        boolean reuse = Boolean.parseBoolean(options.getOrDefault("reuse", "false"));
        if (!reuse) {
            dropDatabase();
            ServiceProcess.start(PORT, DATABASE, work.resolve("data"), log, List.of(), Duration.ofMinutes(3)).close();
        }

        ScaledNewsroom newsroom = new ScaledNewsroom(articles, readers, Instant.now().truncatedTo(ChronoUnit.SECONDS), 42);
        List<ScaledNewsroom.Event> forHttp = new ArrayList<>(httpEvents);
        long copied;
        long t0 = System.nanoTime();
        if (reuse) {
            log("reusing the loaded database " + DATABASE + ": loading and ingestion are skipped");
        } else try (BulkLoader loader = new BulkLoader("jdbc:postgresql://127.0.0.1:5432/" + DATABASE)) {
            loader.articles(newsroom);
            loader.readers(newsroom);
            List<ScaledNewsroom.Event> chunk = new ArrayList<>();
            long[] total = {0};
            long bulk = events - httpEvents;
            List<Exception> failures = new ArrayList<>();
            newsroom.forEachEvent(events, e -> {
                if (total[0]++ < bulk) {
                    chunk.add(e);
                    if (chunk.size() == 100_000) {
                        copy(loader, chunk, failures);
                    }
                } else {
                    forHttp.add(e);
                }
            });
            copy(loader, chunk, failures);
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            loader.analyze();
        }
        copied = reuse ? 0 : events - httpEvents;
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        log(String.format(Locale.ROOT, "loaded %d articles, %d readers, %d events by COPY in %.0f s", articles, readers, copied, loadSeconds));

        StringBuilder md = new StringBuilder();
        long started = System.nanoTime();
        List<String> serviceFlags = options.containsKey("jfr")
                ? List.of("-XX:StartFlightRecording=filename=" + options.get("jfr") + ",settings=profile") : List.of();
        try (ServiceProcess service = ServiceProcess.start(PORT, DATABASE, work.resolve("data"), log, serviceFlags, Duration.ofMinutes(30))) {
            while (!"ready".equals(ServiceProcess.JSON.readTree(service.get("/api/index").body()).path("state").asText())) {
                Thread.sleep(1_000);
            }
            double indexSeconds = (System.nanoTime() - started) / 1e9;
            log(String.format(Locale.ROOT, "service ready with its index rebuilt from cached vectors in %.0f s", indexSeconds));
            double eventsPerSecond = reuse ? 0 : ingest(service, forHttp);
            log(String.format(Locale.ROOT, "ingested %d events over HTTP at %.0f events/s", forHttp.size(), eventsPerSecond));
            Training matrix = train(service, "/api/matrix-model:train");
            log("matrix model: " + matrix);
            Training ranker = train(service, "/api/ranker/models:train");
            log("ranker: " + ranker);
            JsonNode models = ServiceProcess.JSON.readTree(service.get("/api/ranker/models").body());
            List<FeedLoad> feeds = new ArrayList<>();
            feeds.add(FeedLoad.firstVisits(service, 0, active, clients, Duration.ofSeconds(180)));
            feeds.add(FeedLoad.firstVisits(service, active, readers, 1, Duration.ofSeconds(Math.min(20, seconds))));
            log("warm-up " + FeedLoad.sessions(service, active, clients, Duration.ofSeconds(10), 1).summary());
            feeds.add(FeedLoad.sessions(service, active, clients, Duration.ofSeconds(seconds), 2));
            feeds.add(FeedLoad.sessions(service, active, 1, Duration.ofSeconds(Math.min(20, seconds)), 3));
            // new readers from beyond those the one-client first visits reached
            feeds.add(FeedLoad.sessions(service, active, NEW_READERS, Math.max(active, (readers + active) / 2), clients,
                    Duration.ofSeconds(seconds), 4));
            Set<String> visited = new HashSet<>();
            feeds.forEach(f -> visited.addAll(f.readers()));
            Warming warming = warm(service, visited, Duration.ofSeconds(Integer.parseInt(options.getOrDefault("warm-seconds", "120"))));
            log("warming: " + warming);
            if (!warming.warmedReaders().isEmpty()) {
                feeds.add(FeedLoad.firstVisits(service, "first visit, warmed", warming.warmedReaders(), clients, Duration.ofSeconds(180)));
            }
            feeds.forEach(f -> log(f.summary()));
            report(md, articles, readers, events, copied, loadSeconds, indexSeconds, forHttp.size(), eventsPerSecond,
                    matrix, ranker, models, clients, active, feeds, warming);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md.toString());
        log("wrote " + out);
        if (!Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
            dropDatabase();
        }
    }

    /**
     * A warming sweep let run for a while (it goes on in the background afterwards).
     *
     * @param warmedReaders readers the sweep has passed that no earlier run visited: their kept feeds are the sweep's
     */
    record Warming(double seconds, int readers, int computed, int kept, int failed, int noRoom, List<String> warmedReaders,
            double dropped, double readersKept) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d of %,d readers in %.0f s (%,d computed, %,d kept, %,d failed, %,d passed "
                    + "over for want of room): %.1f feeds/s; meanwhile %,.0f kept feeds dropped, %,.0f readers' feeds kept "
                    + "after it", computed + kept + failed + noRoom, readers, seconds, computed, kept, failed, noRoom,
                    computed / seconds, dropped, readersKept);
        }
    }

    /** Starts a sweep, lets it run for {@code length}, and lists the readers it passed that no earlier run {@code visited}. */
    static Warming warm(ServiceProcess service, Set<String> visited, Duration length) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Double> before = ServerCounters.read(service);
        HttpResponse<String> started = service.post("/api/feed-warming:start", "");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("warming did not start: " + started.statusCode() + " " + started.body());
        }
        // the sweep's order, read at once: no events are posted while it runs
        List<String> order = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "postgres", "");
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT id FROM core_reader ORDER BY last_seen_at DESC, id")) {
            while (rs.next()) {
                order.add(rs.getString(1));
            }
        }
        Thread.sleep(length.toMillis());
        JsonNode status = ServiceProcess.JSON.readTree(service.get("/api/feed-warming").body());
        double seconds = (System.nanoTime() - t0) / 1e9;
        int computed = status.get("computed").asInt();
        int kept = status.get("kept").asInt();
        int failed = status.get("failed").asInt();
        int noRoom = status.get("noRoom").asInt();
        List<String> warmed = order.subList(0, Math.min(order.size(), computed + kept + failed + noRoom)).stream()
                .filter(r -> !visited.contains(r)).toList();
        Map<String, Double> after = ServerCounters.read(service);
        return new Warming(seconds, status.get("readers").asInt(), computed, kept, failed, noRoom, warmed,
                ServerCounters.value(after, ServerCounters.KEPT_FEEDS_DROPPED)
                        - ServerCounters.value(before, ServerCounters.KEPT_FEEDS_DROPPED),
                ServerCounters.value(after, ServerCounters.READERS_WITH_KEPT_FEEDS));
    }

    private static void copy(BulkLoader loader, List<ScaledNewsroom.Event> chunk, List<Exception> failures) {
        try {
            loader.events(chunk);
        } catch (Exception e) {
            failures.add(e);
        }
        chunk.clear();
    }

    /** Posts the events in batches of {@value #EVENT_BATCH} from four senders; returns events per second. */
    static double ingest(ServiceProcess service, List<ScaledNewsroom.Event> events) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        long t0 = System.nanoTime();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            senders.add(Thread.ofPlatform().start(() -> {
                int from;
                while ((from = next.getAndAdd(EVENT_BATCH)) < events.size()) {
                    try {
                        HttpResponse<String> r = service.post("/api/events", batch(events.subList(from, Math.min(events.size(), from + EVENT_BATCH))));
                        if (r.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread t : senders) {
            t.join();
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " event batches failed");
        }
        return events.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static String batch(List<ScaledNewsroom.Event> events) {
        ObjectNode body = ServiceProcess.JSON.createObjectNode();
        ArrayNode array = body.putArray("events");
        for (ScaledNewsroom.Event e : events) {
            ObjectNode node = array.addObject().put("id", e.clientId()).put("readerId", e.reader()).put("type", e.type())
                    .put("articleId", e.article()).put("occurredAt", e.at().toString());
            if (e.seconds() != null) {
                node.put("seconds", e.seconds());
            }
        }
        return body.toString();
    }

    /** A finished training job. */
    record Training(String state, double seconds, JsonNode result, String error) {
        @Override
        public String toString() {
            String why = error == null ? "" : " (" + (error.length() > 200 ? error.substring(0, 200) + "..." : error) + ")";
            return String.format(Locale.ROOT, "%s in %.1f s%s", state, seconds, why);
        }
    }

    static Training train(ServiceProcess service, String path) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        JsonNode job = service.runJob(path, Duration.ofMinutes(60));
        double took = (System.nanoTime() - t0) / 1e9;
        return new Training(job.get("state").asText(), took, job.get("result"),
                job.hasNonNull("error") ? job.get("error").asText() : null);
    }

    private static void report(StringBuilder md, int articles, int readers, long events, long copied, double loadSeconds,
            double indexSeconds, int httpEvents, double eventsPerSecond, Training matrix, Training ranker, JsonNode models,
            int clients, int active, List<FeedLoad> feeds, Warming warming) {
        md.append("# Recommendation speed\n\n");
        md.append(String.format(Locale.ROOT, "Written by `./newsdesk bench recommend` (bench/src/main/java/io/newsdesk/bench/"
                + "RecommendBench.java) on %s. Machine: %d cores, Java %s. The service runs as its own JVM (`-Xmx6g`) on "
                + "loopback against the machine's PostgreSQL; the load generator runs in another JVM on the same two cores, "
                + "so every figure here includes the client's share of the CPU.%n%n", LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        md.append(String.format(Locale.ROOT, "Synthetic newsroom (`ScaledNewsroom`, seed 42): %,d articles in 240 topics of 12 "
                + "sections, %,d readers with 2-3 topics each, %,d events (impressions, clicks, reads over 60 days).%n%n",
                articles, readers, events));
        md.append("| step | result |\n|---|---|\n");
        md.append(String.format(Locale.ROOT, "| bulk load by COPY (articles with cached vectors, readers, %,d events) | %.0f s |%n", copied, loadSeconds));
        md.append(String.format(Locale.ROOT, "| service start incl. index rebuild from cached vectors | %.0f s |%n", indexSeconds));
        md.append(String.format(Locale.ROOT, "| event ingestion, `POST /api/events`, %,d events in batches of %d, 4 senders | **%,.0f events/s** |%n",
                httpEvents, EVENT_BATCH, eventsPerSecond));
        md.append(String.format(Locale.ROOT, "| matrix model training job | %s |%n", matrix));
        md.append(String.format(Locale.ROOT, "| ranker training job | %s |%n", ranker));
        JsonNode latest = models.isArray() && !models.isEmpty() ? models.get(0) : null;
        if (latest != null) {
            md.append(String.format(Locale.ROOT, "| ranker version %d | %d examples, validation AUC %.3f (heuristic %.3f), promoted: %s |%n",
                    latest.get("version").asInt(), latest.get("examples").asInt(), latest.get("validAuc").asDouble(),
                    latest.get("heuristicAuc").asDouble(), latest.get("promoted").asBoolean()));
        }
        md.append("\n## Feeds\n\n");
        md.append(String.format(Locale.ROOT, "`GET /api/readers/{id}/feed?limit=20`, each client one request at a time. "
                + "*First visit*: readers 0-%d ask for their feed once each with %d clients (every feed is computed: "
                + "candidates, ranker, diversification), then readers from %d on with one client. *Session*: after a 10 s "
                + "warm-up, random readers of those %,d come back: the first page, the second in %.0f%% of visits (by its "
                + "cursor), and in %.0f%% a click on an item of the first page posted to `POST /api/events` (not timed). "
                + "The last run mixes in first visits: %.0f%% of sessions are readers not seen before. "
                + "Feeds/s and latencies count every feed page. *Service CPU ms/feed* is the service process's CPU time over "
                + "the run (request threads, background refreshes, the served-item log) per feed page; the CPU shares are "
                + "of both cores' time: the service's JVM, the load generator's, and the rest (mostly PostgreSQL).%n%n", active - 1, clients, active, active,
                100 * FeedLoad.SECOND_PAGE, 100 * FeedLoad.CLICK, 100 * NEW_READERS));
        md.append("| load | clients | seconds | feeds | feeds/s | p50 ms | p90 ms | p99 ms | service CPU ms/feed "
                + "| CPU % service / client / other | clicks | errors | ranked by |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        feeds.forEach(f -> md.append(f.row(f == feeds.get(1) || f == feeds.get(3) ? 1 : clients)));
        md.append(String.format(Locale.ROOT, "%nThe last run follows a warming sweep (`POST /api/feed-warming:start`), which "
                + "computes the feeds of the readers active in the last %d days, most recent first, up to %,d, in the "
                + "background at a quarter of one core. After %.0f s it had passed %s; the %,d readers it had passed that no "
                + "earlier run had visited then ask for their first page once each.%n", ServiceProcess.WARM_WINDOW_DAYS,
                ServiceProcess.KEPT_FEED_READERS, warming.seconds(), warming,
                warming.warmedReaders().size()));
        md.append("\nThe service's counters (`/q/metrics`) over each run:\n\n");
        feeds.forEach(f -> md.append("- ").append(f.counters()).append('\n'));
        md.append("\nGoal in the issue: p99 <= 15 ms and >= 1,500 feeds/s on this machine.\n");
    }

    private static void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static void log(String message) {
        System.out.println("bench: " + message);
    }
}
