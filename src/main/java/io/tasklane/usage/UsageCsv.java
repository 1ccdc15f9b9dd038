package io.tasklane.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A usage report's rows as CSV (RFC 4180): one column per grouping, then the figures; no total row. The API and the
 * console's Usage page write the same file.
 */
public final class UsageCsv {

    private UsageCsv() {
    }

    public static String of(UsageReport report) {
        List<UsageGrouping> groupings = report.query().groupBy();
        List<String> header = new ArrayList<>(groupings.stream().map(UsageGrouping::parameter).toList());
        if (groupings.contains(UsageGrouping.TASK)) {
            header.add("taskName");
        }
        header.addAll(List.of("gpuHours", "skuHours", "gpuSeconds", "runs"));
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        for (UsageRow row : report.rows()) {
            List<String> cells = new ArrayList<>(groupings.stream().map(g -> quoted(row.keys().get(g))).toList());
            if (row.taskName() != null) {
                cells.add(quoted(row.taskName()));
            }
            cells.add(figure(row.gpuHours()));
            cells.add(figure(row.skuHours()));
            cells.add(figure(row.gpuSeconds()));
            cells.add(String.valueOf(row.runs()));
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    /** A figure as the CSV writes it: at most six decimals, no trailing zeros ({@code 0.001111}, {@code 12.5}). */
    public static String figure(double value) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6f", value)).stripTrailingZeros().toPlainString();
    }

    /** Quotes a cell that holds a comma, quote or line break; a leading =, +, - or @ is kept from spreadsheets' formulas. */
    private static String quoted(String cell) {
        String value = cell == null ? "" : cell;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return value.matches("[^\",\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
