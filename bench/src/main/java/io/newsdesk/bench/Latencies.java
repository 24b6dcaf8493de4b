package io.newsdesk.bench;

import java.util.Arrays;

/** Collected durations in nanoseconds and their percentiles. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    /** The p-th percentile (0-100) in milliseconds, nearest rank. */
    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
    }

    double meanMillis() {
        return Arrays.stream(nanos, 0, size).average().orElse(0) / 1e6;
    }

    int count() {
        return size;
    }
}
