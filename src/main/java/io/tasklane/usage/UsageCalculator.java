package io.tasklane.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Usage as a pure function of the holding periods: each period is cut to the report's window (an open one
 * counts up to now), split at every midnight of the report's zone, and summed into one row per key.
 */
public final class UsageCalculator {

    private UsageCalculator() {
    }

    public static UsageReport report(UsageQuery query, List<UsagePeriod> periods, Instant now) {
        Map<List<String>, Sum> rows = new TreeMap<>(Comparator.comparing(UsageCalculator::sortable));
        Sum total = new Sum();
        for (UsagePeriod period : periods) {
            Instant start = max(period.from(), query.from());
            Instant end = min(period.to() == null ? now : period.to(), min(query.to(), now));
            for (Instant pieceStart = start; pieceStart.isBefore(end); ) {
                LocalDate day = LocalDate.ofInstant(pieceStart, query.zone());
                Instant pieceEnd = min(end, day.plusDays(1).atStartOfDay(query.zone()).toInstant());
                long micros = ChronoUnit.MICROS.between(pieceStart, pieceEnd);
                List<String> key = query.groupBy().stream().map(g -> g.keyOf(period, day)).toList();
                rows.computeIfAbsent(key, k -> new Sum()).add(period, micros);
                total.add(period, micros);
                pieceStart = pieceEnd;
            }
        }
        List<UsageRow> result = new ArrayList<>();
        rows.forEach((key, sum) -> result.add(sum.row(keys(query, key))));
        return new UsageReport(query, result, total.row(Map.of()));
    }

    private static Map<UsageGrouping, String> keys(UsageQuery query, List<String> values) {
        Map<UsageGrouping, String> keys = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            keys.put(query.groupBy().get(i), values.get(i));
        }
        return keys;
    }

    /** Keys compare element by element; a null key (none here) would sort first. */
    private static String sortable(List<String> key) {
        return String.join("\u0000", key);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static final class Sum {
        private long gpuMicros;
        private long skuMicros;
        private final Set<String> runs = new HashSet<>();
        private UsagePeriod latest;

        void add(UsagePeriod period, long micros) {
            if (latest == null || period.from().isAfter(latest.from())) {
                latest = period;
            }
            gpuMicros += micros * period.gpus();
            skuMicros += micros * period.skus();
            runs.add(period.runId());
        }

        UsageRow row(Map<UsageGrouping, String> keys) {
            String taskName = keys.containsKey(UsageGrouping.TASK) ? latest.taskName() : null;
            return new UsageRow(keys, taskName, gpuMicros, skuMicros, runs.size());
        }
    }

}
