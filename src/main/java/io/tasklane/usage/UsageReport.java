package io.tasklane.usage;

import java.util.List;

/** The rows of a usage report in key order, and the total over every row (its runs counted once each). */
public record UsageReport(UsageQuery query, List<UsageRow> rows, UsageRow total) {

    public UsageReport {
        rows = List.copyOf(rows);
    }
}
