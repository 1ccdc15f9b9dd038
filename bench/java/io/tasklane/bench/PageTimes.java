package io.tasklane.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Response times of one page, in nanoseconds, and their quantiles in milliseconds. */
final class PageTimes {

    private final List<Long> samples = new ArrayList<>();

    void add(long nanos) {
        samples.add(nanos);
    }

    double min() {
        return quantile(0);
    }

    double p50() {
        return quantile(0.50);
    }

    double p95() {
        return quantile(0.95);
    }

    double max() {
        return quantile(1);
    }

    /** The sample below which {@code q} of them lie (nearest rank), in ms. */
    private double quantile(double q) {
        long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    /** The machine's 1, 5 and 15 minute load averages and its cores: how shared the CPU was while timing. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException unreadable) {
            return "unknown (" + unreadable.getMessage() + ")";
        }
    }
}
