package io.tasklane.schedule;

import java.util.Optional;

/** A schedule with its next fire after now (shown whether or not it is active, so it can be reviewed). */
public record ScheduleView(Schedule schedule, Optional<Fire> nextFire) {
}
