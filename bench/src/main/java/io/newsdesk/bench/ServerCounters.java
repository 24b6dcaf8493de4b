package io.newsdesk.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The service's feed counters, read from its Prometheus endpoint ({@code /q/metrics}). */
final class ServerCounters {

    /** Kept feeds the service dropped to stay within {@code snapshot-readers} (or because they expired). */
    static final String KEPT_FEEDS_DROPPED = "cache_evictions_total{cache=\"feed-snapshots\"";
    static final String READERS_WITH_KEPT_FEEDS = "cache_size{cache=\"feed-snapshots\"";

    private ServerCounters() {
    }

    static Map<String, Double> read(ServiceProcess service) throws IOException, InterruptedException {
        Map<String, Double> counters = new HashMap<>();
        for (String line : service.get("/q/metrics").body().split("\n")) {
            if (line.startsWith("newsdesk_feed_snapshots_total") || line.startsWith("newsdesk_feed_refreshes_total")
                    || line.startsWith("newsdesk_feed_warms_total") || line.startsWith(KEPT_FEEDS_DROPPED)
                    || line.startsWith(READERS_WITH_KEPT_FEEDS)) {
                int space = line.lastIndexOf(' ');
                counters.put(line.substring(0, space).replace(",}", "}"), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return counters;
    }

    static Map<String, Double> difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> difference = new HashMap<>();
        after.forEach((name, value) -> difference.put(name, value - before.getOrDefault(name, 0.0)));
        return difference;
    }

    /** The value of the first counter whose name starts with {@code prefix}; 0 when there is none. */
    static double value(Map<String, Double> counters, String prefix) {
        return counters.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue)
                .findFirst().orElse(0);
    }
}
