package io.tasklane.runtime;

/**
 * A run's replicas counted apart: {@code current} serve, {@code starting} are on their way (started, not
 * serving yet), {@code target} is how many are wanted now (the run's size, or what Serve's autoscaler
 * aims at within the run's range).
 */
public record ReplicaCounts(int current, int starting, int target) {
}
