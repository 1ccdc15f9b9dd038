package io.tasklane.usage;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** What a usage report may group its rows by: who and where, or a calendar span in the report's zone. */
public enum UsageGrouping {
    PROJECT, USER, CLUSTER, TASK, DAY, WEEK, MONTH;

    /** The key of this grouping for a piece of a period that lies within {@code day}. */
    String keyOf(UsagePeriod period, LocalDate day) {
        return switch (this) {
            case PROJECT -> period.project();
            case USER -> period.user();
            case CLUSTER -> period.cluster();
            case TASK -> period.taskId();
            case DAY -> day.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.toString().substring(0, 7);
        };
    }

    /** The name used in the API ({@code groupBy=project}) and as a CSV column. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
