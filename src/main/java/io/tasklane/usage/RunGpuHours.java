package io.tasklane.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GPU-hours of runs as a pure function of their holding periods: each period counts its GPUs for as long as it
 * held them, an open one up to now. A resize's added replica counts from its own period's start.
 */
public final class RunGpuHours {

    private static final double MICROS_PER_HOUR = Duration.ofHours(1).toNanos() / 1_000d;

    private RunGpuHours() {
    }

    /** GPU-hours per run id; a run without periods is absent. A period that ends before it starts counts nothing. */
    public static Map<String, Double> of(List<UsagePeriod> periods, Instant now) {
        Map<String, Long> gpuMicros = new HashMap<>();
        for (UsagePeriod period : periods) {
            Instant end = period.to() == null || period.to().isAfter(now) ? now : period.to();
            long micros = Math.max(0, Duration.between(period.from(), end).toNanos() / 1_000);
            gpuMicros.merge(period.runId(), micros * period.gpus(), Long::sum);
        }
        Map<String, Double> hours = new HashMap<>();
        gpuMicros.forEach((run, micros) -> hours.put(run, micros / MICROS_PER_HOUR));
        return hours;
    }
}
