package io.tasklane.schedule;

import java.util.List;

/**
 * The body of {@code PUT /tasks/{id}/schedule}, as given: text fields are parsed by
 * {@link ScheduleRules}, so a malformed value is reported with its field and rule like any other.
 */
public record ScheduleRequest(String type, String timeZone, String at, String startDate, Boolean active,
                              List<Window> windows) {

    /** One daily window as given. */
    public record Window(String time, Integer minReplicas, Integer maxReplicas) {
    }
}
