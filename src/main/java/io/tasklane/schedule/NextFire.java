package io.tasklane.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * When a schedule fires next, as a pure function of the schedule and an instant. Local times are read
 * in the schedule's zone with its daylight-saving rules:
 * <ul>
 *   <li>a local time that does not exist that day (spring-forward gap) fires at the first instant after
 *       the gap, i.e. the transition itself;</li>
 *   <li>a local time that exists twice (fall-back overlap) fires once, at the earlier offset.</li>
 * </ul>
 * Camunda's cron timers read times in the JVM's zone, so the engine only ever waits for the instant
 * computed here.
 */
public final class NextFire {

    /** Days looked ahead for a daily fire: one more than a day, so any zone's shifts are covered. */
    private static final int DAYS_AHEAD = 2;

    private NextFire() {
    }

    /** The first fire strictly after {@code after}; empty if the schedule never fires again. */
    public static Optional<Fire> after(Schedule schedule, Instant after) {
        return switch (schedule.type()) {
            case MANUAL -> Optional.empty();
            case ONE_OFF -> oneOff(schedule, after);
            case DAILY -> daily(schedule, after);
        };
    }

    private static Optional<Fire> oneOff(Schedule schedule, Instant after) {
        Instant at = resolve(schedule.at(), schedule.zone());
        return at.isAfter(after) ? Optional.of(new Fire(at, Optional.empty())) : Optional.empty();
    }

    private static Optional<Fire> daily(Schedule schedule, Instant after) {
        // Start a day early: with a large offset, yesterday's local evening can still be ahead of "after".
        LocalDate day = after.atZone(schedule.zone()).toLocalDate().minusDays(1);
        if (schedule.startDate() != null && schedule.startDate().isAfter(day)) {
            day = schedule.startDate();
        }
        for (LocalDate last = day.plusDays(DAYS_AHEAD + 1); !day.isAfter(last); day = day.plusDays(1)) {
            for (ReplicaWindow window : schedule.windows()) {
                Instant at = resolve(day.atTime(window.time()), schedule.zone());
                if (at.isAfter(after)) {
                    return Optional.of(new Fire(at, Optional.of(window)));
                }
            }
        }
        return Optional.empty();
    }

    /** The instant a local date-time means in {@code zone}: gap → end of the gap, overlap → earlier offset. */
    static Instant resolve(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        // atZone keeps the earlier offset of an overlap.
        return local.atZone(zone).toInstant();
    }
}
