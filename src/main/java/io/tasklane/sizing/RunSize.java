package io.tasklane.sizing;

import io.tasklane.task.TaskState;

/**
 * A run's size as a resize sees it: where the run is, the replicas it holds GPUs for, its lower bound,
 * the range a daily window asked for (null until one did), and the replica count a waiting grow asks for.
 */
record RunSize(String runId, String cluster, TaskState state, boolean admitted, boolean stopRequested, int replicas,
               Integer minReplicas, Integer targetMin, Integer targetMax, Integer growTo) {
}
