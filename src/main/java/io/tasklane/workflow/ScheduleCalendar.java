package io.tasklane.workflow;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * Calendar questions for expressions in edited versions of task-schedule, e.g. a gateway
 * {@code ${scheduleCalendar.isWeekend(nextFireAt)}}. {@code nextFireAt} carries the schedule zone's
 * offset, so its day of the week is the day in that zone.
 */
@Component("scheduleCalendar")
public class ScheduleCalendar {

    /** Whether the fire falls on a Saturday or Sunday in the schedule's zone. */
    public boolean isWeekend(String fireAt) {
        DayOfWeek day = OffsetDateTime.parse(fireAt).getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** The ISO day of the week of the fire in the schedule's zone: 1 = Monday ... 7 = Sunday. */
    public int dayOfWeek(String fireAt) {
        return OffsetDateTime.parse(fireAt).getDayOfWeek().getValue();
    }
}
