package io.tasklane.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.tasklane.schedule.Fire;
import io.tasklane.schedule.Schedule;
import io.tasklane.schedule.ScheduleType;
import io.tasklane.schedule.ScheduleView;

/** A task's schedule as the API shows it: as set, plus its next fire as an instant and in its own zone. */
final class ScheduleDtos {

    private ScheduleDtos() {
    }

    record WindowResponse(String time, int minReplicas, int maxReplicas) {
    }

    /**
     * {@code nextFireAt} is the instant (UTC); {@code nextFireLocal} the same time in the schedule's zone,
     * with its offset. Both are absent when the schedule never fires again.
     */
    record ScheduleResponse(ScheduleType type, String timeZone, String at, String startDate, boolean active,
                            List<WindowResponse> windows, Instant nextFireAt, OffsetDateTime nextFireLocal,
                            Instant lastFireAt, String updatedBy, Instant updatedAt) {

        static ScheduleResponse of(ScheduleView view) {
            Schedule s = view.schedule();
            boolean manual = s.type() == ScheduleType.MANUAL;
            return new ScheduleResponse(s.type(), manual ? null : s.zone().getId(), s.at() == null ? null : s.at().toString(),
                    s.startDate() == null ? null : s.startDate().toString(), s.active(),
                    manual ? null : s.windows().stream().map(w -> new WindowResponse(w.time().toString(), w.minReplicas(), w.maxReplicas())).toList(),
                    view.nextFire().map(Fire::at).orElse(null),
                    view.nextFire().map(f -> f.in(s.zone()).toOffsetDateTime()).orElse(null),
                    s.lastFireAt(), s.updatedBy(), s.updatedAt());
        }
    }

    /** What a task's own view shows of its schedule. */
    record ScheduleSummary(ScheduleType type, boolean active, String timeZone, Instant nextFireAt, OffsetDateTime nextFireLocal) {

        /** Null for a task without a schedule (MANUAL), so its view stays as it was. */
        static ScheduleSummary of(ScheduleView view) {
            if (view.schedule().type() == ScheduleType.MANUAL) {
                return null;
            }
            ScheduleResponse full = ScheduleResponse.of(view);
            return new ScheduleSummary(full.type(), full.active(), full.timeZone(), full.nextFireAt(), full.nextFireLocal());
        }
    }
}
