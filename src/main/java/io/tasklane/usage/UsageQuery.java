package io.tasklane.usage;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;

/**
 * A usage report asked for: the window [from, to), the zone whose midnights split periods into days, the
 * groupings of the rows in order, and optional filters.
 */
public record UsageQuery(Instant from, Instant to, ZoneId zone, List<UsageGrouping> groupBy, String project, String user,
                         String cluster) {

    /** A report spans at most this long, so a day-by-day report stays a few hundred rows per key. */
    static final Duration MAX_SPAN = Duration.ofDays(400);

    public UsageQuery {
        groupBy = List.copyOf(groupBy);
    }

    /**
     * Reads the API's parameters. {@code from} and {@code to} are instants with an offset
     * ({@code 2026-12-01T00:00:00+08:00}) or dates in {@code timeZone}, both days included; without them the
     * report runs from the first of the current month to now. Every broken parameter is named at once.
     */
    public static UsageQuery parse(String from, String to, String timeZone, List<String> groupBy, String project, String user,
                                   String cluster, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        ZoneId zone = zone(timeZone, violations);
        ZoneId days = zone == null ? ZoneId.of("UTC") : zone;
        Instant start = from == null || from.isBlank()
                ? LocalDate.ofInstant(now, days).withDayOfMonth(1).atStartOfDay(days).toInstant()
                : instant("from", from, days, false, violations);
        Instant end = to == null || to.isBlank() ? now : instant("to", to, days, true, violations);
        List<UsageGrouping> groupings = groupings(groupBy, violations);
        if (start != null && end != null && violations.isEmpty()) {
            if (!end.isAfter(start)) {
                violations.add(FieldViolation.of("to", "after-from", "to (" + end + ") must be after from (" + start + ")",
                        end, start));
            } else if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                violations.add(FieldViolation.of("to", "max-span", "a usage report spans at most " + MAX_SPAN.toDays() + " days",
                        MAX_SPAN.toDays()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new UsageQuery(start, end, zone, groupings, blankToNull(project), blankToNull(user), blankToNull(cluster));
    }

    private static ZoneId zone(String timeZone, List<FieldViolation> violations) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            violations.add(FieldViolation.of("timeZone", "time-zone", "'" + timeZone + "' is not a time zone such as Asia/Taipei or UTC",
                    timeZone));
            return null;
        }
    }

    /** An instant with an offset, or a date: its start ({@code from}) or the start of the day after ({@code to}). */
    private static Instant instant(String field, String value, ZoneId zone, boolean endOfDay, List<FieldViolation> violations) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(FieldViolation.of(field, "date-time",
                    field + " must be a date (2026-12-01) or a time with an offset (2026-12-01T08:00:00+08:00), not '" + value + "'",
                            value));
            return null;
        }
    }

    private static List<UsageGrouping> groupings(List<String> groupBy, List<FieldViolation> violations) {
        LinkedHashSet<UsageGrouping> groupings = new LinkedHashSet<>();
        for (String value : groupBy == null ? List.<String>of() : groupBy) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                Arrays.stream(UsageGrouping.values()).filter(g -> g.parameter().equals(name.trim())).findFirst()
                        .ifPresentOrElse(groupings::add, () -> violations.add(new FieldViolation("groupBy", "one-of",
                                "groupBy '" + name.trim() + "' is not one of " + Arrays.stream(UsageGrouping.values())
                                        .map(UsageGrouping::parameter).collect(Collectors.joining(", ")))));
            }
        }
        return List.copyOf(groupings);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
