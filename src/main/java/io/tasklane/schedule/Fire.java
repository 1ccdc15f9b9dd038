package io.tasklane.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * One fire of a schedule: the instant, and for a daily schedule the window it opens (empty for a
 * one-off, which only starts the task).
 */
public record Fire(Instant at, Optional<ReplicaWindow> window) {

    /** The fire time as a wall-clock reading in {@code zone}, with its offset. */
    public ZonedDateTime in(ZoneId zone) {
        return at.atZone(zone);
    }
}
