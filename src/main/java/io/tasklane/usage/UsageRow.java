package io.tasklane.usage;

import java.util.Map;

/**
 * One row of a usage report: its key per grouping (in the query's order), the GPU- and SKU-time held within
 * the report's window, in microseconds (the clock's and PostgreSQL's precision), and how many runs held it. {@code taskName} is the task's
 * name when the rows are grouped by task (its latest name among the periods), else null.
 */
public record UsageRow(Map<UsageGrouping, String> keys, String taskName, long gpuMicros, long skuMicros, int runs) {

    private static final double MICROS_PER_HOUR = 3_600_000_000.0;

    public UsageRow {
        keys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys));
    }

    /** GPU-hours, to the microsecond's precision kept at six decimals. */
    public double gpuHours() {
        return hours(gpuMicros);
    }

    public double skuHours() {
        return hours(skuMicros);
    }

    /** GPU-seconds, to the millisecond. */
    public double gpuSeconds() {
        return Math.round(gpuMicros / 1_000.0) / 1_000.0;
    }

    private static double hours(long micros) {
        return Math.round(micros / MICROS_PER_HOUR * 1e6) / 1e6;
    }
}
