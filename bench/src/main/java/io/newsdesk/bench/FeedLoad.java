package io.newsdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients requesting feeds in a closed loop, each one request at a time; latencies and throughput of the feed
 * requests. Two kinds of load:
 * <ul>
 * <li>{@link #firstVisits}: each of the active readers asks for the first page of their feed once, so every feed is
 * computed (nothing is kept for them yet); or readers whose feeds a warming sweep computed ahead ask once each;</li>
 * <li>{@link #sessions}: random active readers come back as a portal's readers do: the first page, often the second
 * (30%), and now and then a click on an item of the first page (20%), posted as an event like the portal would.</li>
 * </ul>
 */
final class FeedLoad {

    static final double SECOND_PAGE = 0.3;
    static final double CLICK = 0.2;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final Latencies latencies = new Latencies();
    private final AtomicLong errors = new AtomicLong();
    /** Every reader who asked for a page in this run. */
    private final Set<String> readers = ConcurrentHashMap.newKeySet();
    private final AtomicLong secondPages = new AtomicLong();
    private final AtomicLong clicks = new AtomicLong();
    private final Map<String, AtomicLong> rankedBy = new ConcurrentHashMap<>();
    private final String kind;
    private double seconds;
    private Map<String, Double> serverCounters = Map.of();
    private CpuTime cpu;

    private FeedLoad(String kind) {
        this.kind = kind;
    }

    /** Readers {@code from} to {@code to - 1} ask for their feed once each, until all have or the time is up. */
    static FeedLoad firstVisits(ServiceProcess service, int from, int to, int clients, Duration atMost) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        return run(new FeedLoad("first visit"), service, clients, atMost, c -> {
            int reader = next.getAndIncrement();
            if (reader >= to) {
                return false;
            }
            page(service, ScaledNewsroom.readerId(reader), null, c.load);
            return true;
        });
    }

    /** The given readers ask for their feed once each, until all have or the time is up. */
    static FeedLoad firstVisits(ServiceProcess service, String kind, List<String> readers, int clients, Duration atMost)
            throws Exception {
        AtomicInteger next = new AtomicInteger();
        return run(new FeedLoad(kind), service, clients, atMost, c -> {
            int reader = next.getAndIncrement();
            if (reader >= readers.size()) {
                return false;
            }
            page(service, readers.get(reader), null, c.load);
            return true;
        });
    }

    /** Random readers of 0 to {@code readers - 1} come back: first page, sometimes the second, sometimes a click. */
    static FeedLoad sessions(ServiceProcess service, int readers, int clients, Duration length, long seed) throws Exception {
        return sessions(service, readers, 0, 0, clients, length, seed);
    }

    /**
     * Sessions as above, except that a share of them are first visits of readers numbered from {@code newFrom} on,
     * whose feeds are computed.
     */
    static FeedLoad sessions(ServiceProcess service, int readers, double newShare, int newFrom, int clients, Duration length,
            long seed) throws Exception {
        AtomicLong clickIds = new AtomicLong(seed * 1_000_000_000L);
        AtomicInteger newReaders = new AtomicInteger(newFrom);
        String kind = newShare == 0 ? "session" : String.format(Locale.ROOT, "session, %.0f%% new readers", 100 * newShare);
        return run(new FeedLoad(kind), service, clients, length, c -> {
            String reader = ScaledNewsroom.readerId(c.random.nextDouble() < newShare ? newReaders.getAndIncrement()
                    : c.random.nextInt(readers));
            boolean secondPage = c.random.nextDouble() < SECOND_PAGE;
            boolean click = c.random.nextDouble() < CLICK;
            String body = page(service, reader, null, c.load);
            if (body == null || !(secondPage || click)) {
                return true;
            }
            // parsed only when the visit goes on: the load generator's CPU is taken from the service's cores
            JsonNode first = ServiceProcess.JSON.readTree(body);
            if (secondPage && first.hasNonNull("nextCursor")) {
                c.load.secondPages.incrementAndGet();
                page(service, reader, first.get("nextCursor").asText(), c.load);
            }
            JsonNode items = first.path("items");
            if (click && !items.isEmpty()) {
                String article = items.get(c.random.nextInt(items.size())).get("id").asText();
                String event = String.format(Locale.ROOT, "{\"events\":[{\"id\":\"bench-click-%d\",\"readerId\":\"%s\","
                        + "\"type\":\"click\",\"articleId\":\"%s\",\"occurredAt\":\"%s\"}]}", clickIds.incrementAndGet(),
                        reader, article, Instant.now());
                if (service.post("/api/events", event).statusCode() == 200) {
                    c.load.clicks.incrementAndGet();
                } else {
                    c.load.errors.incrementAndGet();
                }
            }
            return true;
        });
    }

    private record Client(FeedLoad load, Random random) {
    }

    private interface Step {
        /** One reader's turn; false when there is nothing left to do. */
        boolean run(Client client) throws IOException, InterruptedException;
    }

    private static FeedLoad run(FeedLoad load, ServiceProcess service, int clients, Duration length, Step step) throws Exception {
        Map<String, Double> before = ServerCounters.read(service);
        CpuTime cpuBefore = CpuTime.now(service);
        long end = System.nanoTime() + length.toNanos();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Client client = new Client(load, new Random(t0 * 31 + c));
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < end && step.run(client)) {
                        // each step is one reader's turn
                    }
                } catch (IOException e) {
                    load.errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        load.seconds = (System.nanoTime() - t0) / 1e9;
        load.cpu = CpuTime.now(service).since(cpuBefore);
        load.serverCounters = ServerCounters.difference(before, ServerCounters.read(service));
        return load;
    }

    /** One feed page, timed: its JSON, or null when it failed. */
    private static String page(ServiceProcess service, String reader, String cursor, FeedLoad load)
            throws IOException, InterruptedException {
        String path = "/api/readers/" + reader + "/feed?limit=20"
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        load.readers.add(reader);
        long start = System.nanoTime();
        HttpResponse<String> r = service.get(path);
        long took = System.nanoTime() - start;
        if (r.statusCode() != 200) {
            load.errors.incrementAndGet();
            return null;
        }
        synchronized (load.latencies) {
            load.latencies.add(took);
        }
        load.rankedBy.computeIfAbsent(rankedBy(r.body()), k -> new AtomicLong()).incrementAndGet();
        return r.body();
    }

    /** The page's rankedBy, found without parsing the page: the field is near its start. */
    private static String rankedBy(String page) {
        String field = "\"rankedBy\":\"";
        int start = page.indexOf(field);
        int end = start < 0 ? -1 : page.indexOf('"', start + field.length());
        return end < 0 ? "?" : page.substring(start + field.length(), end);
    }

    Set<String> readers() {
        return readers;
    }

    String summary() {
        return String.format(Locale.ROOT, "%s: %d feeds in %.0f s (%.0f/s), p50 %.1f ms, p99 %.1f ms, %d second pages, "
                + "%d clicks, %d errors, ranked by %s, service CPU %.2f ms per feed, CPU %% service/client/other %s, server %s",
                kind, latencies.count(), seconds, latencies.count() / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), secondPages.get(), clicks.get(), errors.get(), rankedBy,
                cpu.serviceMillisPer(latencies.count()), cpu.shares(seconds, CORES), serverCounters);
    }

    String row(int clients) {
        return String.format(Locale.ROOT, "| %s | %d | %.0f | %d | %.0f | %.1f | %.1f | %.1f | %.2f | %s | %d | %d | %s |%n", kind,
                clients, seconds, latencies.count(), latencies.count() / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(90), latencies.percentileMillis(99), cpu.serviceMillisPer(latencies.count()),
                cpu.shares(seconds, CORES), clicks.get(), errors.get(), rankedBy.keySet());
    }

    /** The service's feed counters over this run: first pages served kept or filtered, background refreshes. */
    String counters() {
        return String.format(Locale.ROOT, "%s: %.0f first pages served from a kept feed, %.0f from a kept feed less what "
                + "the reader clicked since; %.0f feeds computed again in the background, %.0f refreshes not queued; "
                + "%.0f feeds computed ahead by warming; %.0f kept feeds dropped (the service keeps those of at most "
                + "%,d readers)",
                kind, serverCounters.getOrDefault("newsdesk_feed_snapshots_total{outcome=\"hit\"}", 0.0),
                serverCounters.getOrDefault("newsdesk_feed_snapshots_total{outcome=\"filtered\"}", 0.0),
                serverCounters.getOrDefault("newsdesk_feed_refreshes_total{outcome=\"done\"}", 0.0),
                serverCounters.getOrDefault("newsdesk_feed_refreshes_total{outcome=\"skipped\"}", 0.0),
                serverCounters.getOrDefault("newsdesk_feed_warms_total{outcome=\"computed\"}", 0.0),
                ServerCounters.value(serverCounters, ServerCounters.KEPT_FEEDS_DROPPED), ServiceProcess.KEPT_FEED_READERS);
    }
}
