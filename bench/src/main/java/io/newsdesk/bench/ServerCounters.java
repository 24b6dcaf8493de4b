package io.newsdesk.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The service's feed counters, read from its Prometheus endpoint ({@code /q/metrics}). */
final class ServerCounters {

    private ServerCounters() {
    }

    static Map<String, Double> read(ServiceProcess service) throws IOException, InterruptedException {
        Map<String, Double> counters = new HashMap<>();
        for (String line : service.get("/q/metrics").body().split("\n")) {
            if (line.startsWith("newsdesk_feed_snapshots_total") || line.startsWith("newsdesk_feed_refreshes_total")
                    || line.startsWith("newsdesk_feed_warms_total")) {
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
}
