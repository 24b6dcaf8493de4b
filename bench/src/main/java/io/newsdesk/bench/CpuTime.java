package io.newsdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * CPU time used over a run by the service's JVM, by this load generator's JVM, and by the whole machine (PostgreSQL's
 * backends among the rest). The load generator shares the service's cores, so feeds per second alone mix the
 * client's cost into the service's; CPU milliseconds per feed do not.
 */
record CpuTime(double serviceSeconds, double clientSeconds, double machineBusySeconds) {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    static CpuTime now(ServiceProcess service) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuTime(service.cpu().toNanos() / 1e9, os.getProcessCpuTime() / 1e9, machineBusy());
    }

    /** Busy time of all cores from /proc/stat (user, nice, system, irq, softirq, steal); 0 where it cannot be read. */
    private static double machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] t = Arrays.stream(f, 1, f.length).mapToLong(Long::parseLong).toArray();
            return (t[0] + t[1] + t[2] + t[5] + t[6] + (t.length > 7 ? t[7] : 0)) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    CpuTime since(CpuTime before) {
        return new CpuTime(serviceSeconds - before.serviceSeconds, clientSeconds - before.clientSeconds,
                machineBusySeconds - before.machineBusySeconds);
    }

    /** Service CPU milliseconds per feed page served. */
    double serviceMillisPer(int feeds) {
        return feeds == 0 ? 0 : 1000 * serviceSeconds / feeds;
    }

    /** The machine's busy time split between service, client and the rest, in percent of the cores' time. */
    String shares(double wallSeconds, int cores) {
        double capacity = wallSeconds * cores / 100;
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f", serviceSeconds / capacity, clientSeconds / capacity,
                Math.max(0, machineBusySeconds - serviceSeconds - clientSeconds) / capacity);
    }

    static Duration of(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
