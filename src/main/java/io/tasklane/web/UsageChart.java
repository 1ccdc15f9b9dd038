package io.tasklane.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tasklane.usage.UsageGrouping;
import io.tasklane.usage.UsageQuery;
import io.tasklane.usage.UsageReport;
import io.tasklane.usage.UsageRow;

/**
 * The Usage page's chart: GPU-hours per day of the period, one stacked series per project (or user). Every day of the
 * period is on the axis, a day without use as 0, so gaps show; series are in name order, as the table's rows.
 */
public record UsageChart(List<String> days, List<Series> series) {

    /** One project's (or user's) GPU-hours per day, aligned with {@link #days}, and over the period. */
    public record Series(String name, List<Double> data, double total) {
    }

    /** The chart of a report grouped by day and then one key. */
    static UsageChart of(UsageReport report) {
        UsageQuery query = report.query();
        List<String> days = days(query);
        UsageGrouping stack = query.groupBy().get(1);
        Map<String, double[]> byKey = new TreeMap<>();
        for (UsageRow row : report.rows()) {
            int day = days.indexOf(row.keys().get(UsageGrouping.DAY));
            if (day >= 0) {
                byKey.computeIfAbsent(row.keys().get(stack), k -> new double[days.size()])[day] += row.gpuHours();
            }
        }
        List<Series> series = new ArrayList<>();
        byKey.forEach((key, values) -> {
            List<Double> data = new ArrayList<>(values.length);
            double total = 0;
            for (double value : values) {
                data.add(rounded(value));
                total += value;
            }
            series.add(new Series(key, data, rounded(total)));
        });
        return new UsageChart(days, series);
    }

    /** The days of the report's window in its zone: from its first to the one holding its last moment. */
    static List<String> days(UsageQuery query) {
        LocalDate first = LocalDate.ofInstant(query.from(), query.zone());
        LocalDate last = LocalDate.ofInstant(query.to().minus(1, ChronoUnit.MICROS), query.zone());
        List<String> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        return days;
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    /** Six decimals, as the API and the CSV write hours. */
    private static double rounded(double hours) {
        return Math.round(hours * 1e6) / 1e6;
    }
}
