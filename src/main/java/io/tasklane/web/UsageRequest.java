package io.tasklane.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.usage.UsageQuery;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the Usage page was asked for: a period (dates, both included), the zone its days are in, what the chart stacks
 * by (project or user) and optional filters. Blank means "not given"; {@link #withDefaults} fills it in as the page
 * opens: this month, in the browser's zone (or UTC), stacked by project.
 */
public record UsageRequest(String from, String to, String timeZone, String stack, String project, String cluster) {

    static final List<String> STACKS = List.of("project", "user");
    private static final Set<String> FIELDS = Set.of("from", "to", "timeZone", "stack");

    /** This request with each blank filled: the browser's zone when it is a zone, else UTC; this month so far. */
    UsageRequest withDefaults(String browserZone, Instant now) {
        String zone = blank(timeZone) ? (isZone(browserZone) ? browserZone : "UTC") : timeZone.trim();
        ZoneId days = isZone(zone) ? ZoneId.of(zone) : ZoneId.of("UTC");
        LocalDate today = LocalDate.ofInstant(now, days);
        return new UsageRequest(blank(from) ? today.withDayOfMonth(1).toString() : from.trim(), blank(to) ? today.toString() : to.trim(),
                zone, blank(stack) ? STACKS.get(0) : stack.trim(), blank(project) ? null : project.trim(),
                blank(cluster) ? null : cluster.trim());
    }

    /** The report asked for, by day and by what the chart stacks; every broken field named at once (400). */
    UsageQuery query(Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        boolean stackKnown = STACKS.contains(stack);
        if (!stackKnown) {
            violations.add(FieldViolation.of("stack", "one-of", "stack by project or user", "project, user"));
        }
        UsageQuery query = null;
        try {
            query = UsageQuery.parse(from, to, timeZone, List.of("day", stackKnown ? stack : STACKS.get(0)), project, null, cluster, now);
        } catch (InvalidInputException broken) {
            violations.addAll(broken.violations());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return query;
    }

    /** The page's fields that show a rule's message; others are shown above the form. */
    static boolean isField(String field) {
        return FIELDS.contains(field);
    }

    /** This request's address with another stack, for the switch. */
    public String withStack(String other) {
        return address("/usage", other);
    }

    /** The CSV of this request's rows. */
    public String csvAddress() {
        return address("/usage/csv", stack);
    }

    private String address(String path, String stackBy) {
        return UriComponentsBuilder.fromPath(path).queryParamIfPresent("from", present(from)).queryParamIfPresent("to", present(to))
                .queryParamIfPresent("timeZone", present(timeZone)).queryParam("stack", stackBy)
                .queryParamIfPresent("project", present(project)).queryParamIfPresent("cluster", present(cluster))
                .encode().build().toUriString();
    }

    private static java.util.Optional<String> present(String value) {
        return blank(value) ? java.util.Optional.empty() : java.util.Optional.of(value);
    }

    private static boolean isZone(String zone) {
        if (blank(zone)) {
            return false;
        }
        try {
            ZoneId.of(zone.trim());
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
