package io.tasklane.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import io.tasklane.common.TaskId;

/**
 * A task's schedule as stored: its kind, the zone its local times are read in, when it fires, and
 * whether it is active. {@code lastFireAt} is the fire time of the last fire handled, so a fire is
 * never handled twice.
 */
public record Schedule(TaskId taskId, ScheduleType type, ZoneId zone, LocalDateTime at, LocalDate startDate,
                       List<ReplicaWindow> windows, boolean active, Instant lastFireAt, String updatedBy,
                       Instant updatedAt) {

    public Schedule {
        windows = windows == null ? List.of()
                : windows.stream().sorted(Comparator.comparing(ReplicaWindow::time)).toList();
    }

    /** What a task without a stored schedule has. */
    public static Schedule manual(TaskId taskId) {
        return new Schedule(taskId, ScheduleType.MANUAL, ZoneId.of("UTC"), null, null, List.of(), false, null, null, null);
    }
}
