package io.tasklane.schedule;

import java.time.LocalTime;

/** From {@code time} of day on (in the schedule's zone), the task runs with this replica range. */
public record ReplicaWindow(LocalTime time, int minReplicas, int maxReplicas) {
}
