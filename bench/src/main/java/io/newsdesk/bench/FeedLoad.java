package io.newsdesk.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Clients requesting feeds for random readers in a closed loop for a while; latencies and throughput. */
final class FeedLoad {

    private final Latencies latencies = new Latencies();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicLong> rankedBy = new ConcurrentHashMap<>();
    private double seconds;

    static FeedLoad run(ServiceProcess service, int readers, int clients, Duration length, long seed) throws InterruptedException {
        FeedLoad load = new FeedLoad();
        long end = System.nanoTime() + length.toNanos();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(seed * 1_000 + c);
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    String reader = ScaledNewsroom.readerId(random.nextInt(readers));
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = service.get("/api/readers/" + reader + "/feed?limit=20");
                        long took = System.nanoTime() - start;
                        if (r.statusCode() != 200) {
                            load.errors.incrementAndGet();
                            continue;
                        }
                        synchronized (load.latencies) {
                            load.latencies.add(took);
                        }
                        String by = ServiceProcess.JSON.readTree(r.body()).path("rankedBy").asText("?");
                        load.rankedBy.computeIfAbsent(by, k -> new AtomicLong()).incrementAndGet();
                    } catch (IOException e) {
                        load.errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        load.seconds = (System.nanoTime() - t0) / 1e9;
        return load;
    }

    String summary() {
        return String.format(Locale.ROOT, "%d feeds in %.0f s (%.0f/s), p50 %.1f ms, p99 %.1f ms, %d errors, ranked by %s",
                latencies.count(), seconds, latencies.count() / seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), errors.get(), rankedBy);
    }

    String row(int clients) {
        return String.format(Locale.ROOT, "| %d | %.0f | %d | %.0f | %.1f | %.1f | %.1f | %d | %s |%n", clients, seconds,
                latencies.count(), latencies.count() / seconds, latencies.percentileMillis(50), latencies.percentileMillis(90),
                latencies.percentileMillis(99), errors.get(), rankedBy.keySet());
    }
}
