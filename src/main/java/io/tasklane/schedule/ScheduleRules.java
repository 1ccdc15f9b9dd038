package io.tasklane.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.TaskId;

/**
 * Turns a schedule request into a {@link Schedule}, or reports every broken rule with its field. A
 * pure function of the request and what the task's cluster could ever host.
 */
public final class ScheduleRules {

    static final int MAX_WINDOWS = 48;

    private ScheduleRules() {
    }

    /**
     * The schedule the request describes for a task whose replicas take {@code skuPerReplica} SKUs on a
     * cluster of {@code clusterSkus} SKUs in all. Throws {@link InvalidInputException} naming each
     * broken rule.
     */
    public static Schedule parse(TaskId taskId, ScheduleRequest request, int skuPerReplica, int clusterSkus) {
        List<FieldViolation> v = new ArrayList<>();
        ScheduleType type = type(request.type(), v);
        if (type == null || type == ScheduleType.MANUAL) {
            throwIfAny(v);
            return Schedule.manual(taskId);
        }
        ZoneId zone = zone(request.timeZone(), v);
        LocalDateTime at = null;
        List<ReplicaWindow> windows = List.of();
        if (type == ScheduleType.ONE_OFF) {
            at = required("at", request.at(), LocalDateTime::parse, "a local date-time such as 2026-12-01T09:30:00", v);
            forbidden("windows", request.windows() != null && !request.windows().isEmpty(), "a ONE_OFF schedule has no windows", v);
            forbidden("startDate", request.startDate() != null, "a ONE_OFF schedule has no startDate; give the day in at", v);
        } else {
            forbidden("at", request.at() != null, "a DAILY schedule fires at its windows' times; at is for ONE_OFF", v);
            windows = windows(request.windows(), skuPerReplica, clusterSkus, v);
        }
        LocalDate startDate = request.startDate() == null ? null
                : required("startDate", request.startDate(), LocalDate::parse, "a date such as 2026-12-01", v);
        throwIfAny(v);
        return new Schedule(taskId, type, zone, at, startDate, windows, Boolean.TRUE.equals(request.active()), null,
                null, null);
    }

    private static ScheduleType type(String given, List<FieldViolation> v) {
        if (given == null) {
            v.add(new FieldViolation("type", "required", "type is required: MANUAL, ONE_OFF or DAILY"));
            return null;
        }
        try {
            return ScheduleType.valueOf(given);
        } catch (IllegalArgumentException e) {
            v.add(FieldViolation.of("type", "one-of", "type must be MANUAL, ONE_OFF or DAILY, not '" + given + "'",
                    "MANUAL, ONE_OFF, DAILY"));
            return null;
        }
    }

    /** Only region ids (Asia/Shanghai): a fixed offset or abbreviation would not follow daylight saving. */
    private static ZoneId zone(String given, List<FieldViolation> v) {
        if (given == null) {
            v.add(new FieldViolation("timeZone", "required", "timeZone is required: an IANA zone such as Asia/Shanghai"));
            return null;
        }
        if (!ZoneId.getAvailableZoneIds().contains(given)) {
            v.add(FieldViolation.of("timeZone", "iana-zone", "timeZone must be an IANA time zone such as Asia/Shanghai, not '"
                    + given + "'", given));
            return null;
        }
        return ZoneId.of(given);
    }

    private static List<ReplicaWindow> windows(List<ScheduleRequest.Window> given, int skuPerReplica, int clusterSkus,
                                               List<FieldViolation> v) {
        if (given == null || given.isEmpty()) {
            v.add(new FieldViolation("windows", "required", "a DAILY schedule needs at least one window"));
            return List.of();
        }
        if (given.size() > MAX_WINDOWS) {
            v.add(FieldViolation.of("windows", "max-size", "a DAILY schedule has at most " + MAX_WINDOWS + " windows",
                    MAX_WINDOWS));
            return List.of();
        }
        List<ReplicaWindow> windows = new ArrayList<>();
        Set<LocalTime> times = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "windows[" + i + "]";
            ScheduleRequest.Window w = given.get(i);
            if (w == null) {
                v.add(new FieldViolation(field, "required", field + " may not be null"));
                continue;
            }
            LocalTime time = required(field + ".time", w.time(), LocalTime::parse, "a time of day such as 08:00", v);
            if (time != null && !times.add(time)) {
                v.add(FieldViolation.of(field + ".time", "unique-time", field + ".time " + time
                        + " is already the time of another window; each window needs its own time", time));
            }
            Integer min = replicas(field + ".minReplicas", w.minReplicas(), v);
            Integer max = replicas(field + ".maxReplicas", w.maxReplicas(), v);
            if (min != null && max != null && min > max) {
                v.add(FieldViolation.of(field + ".minReplicas", "min-not-above-max", field + ".minReplicas (" + min
                        + ") may not be more than maxReplicas (" + max + ")", min, max));
            } else if (max != null && (long) max * skuPerReplica > clusterSkus) {
                v.add(FieldViolation.of(field + ".maxReplicas", "fits-cluster", field + ".maxReplicas " + max + " needs "
                        + (long) max * skuPerReplica + " SKUs, more than the task's cluster could ever host (" + clusterSkus + ")",
                                (long) max * skuPerReplica, clusterSkus));
            }
            if (time != null && min != null && max != null) {
                windows.add(new ReplicaWindow(time, min, max));
            }
        }
        return windows;
    }

    private static Integer replicas(String field, Integer given, List<FieldViolation> v) {
        if (given == null) {
            v.add(new FieldViolation(field, "required", field + " is required"));
            return null;
        }
        if (given < 1) {
            v.add(FieldViolation.of(field, "min", field + " must be at least 1", 1));
            return null;
        }
        return given;
    }

    private static <T> T required(String field, String given, Function<String, T> parser, String expected,
                                  List<FieldViolation> v) {
        if (given == null) {
            v.add(new FieldViolation(field, "required", field + " is required: " + expected));
            return null;
        }
        try {
            return parser.apply(given);
        } catch (DateTimeParseException e) {
            v.add(FieldViolation.of(field, "format", field + " must be " + expected + ", not '" + given + "'", given));
            return null;
        }
    }

    private static void forbidden(String field, boolean given, String message, List<FieldViolation> v) {
        if (given) {
            v.add(new FieldViolation(field, "not-allowed", message));
        }
    }

    private static void throwIfAny(List<FieldViolation> v) {
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }
}
