package io.tasklane.runtime;

import java.util.List;

import io.tasklane.task.TaskSpec;

/** Everything a runtime needs to launch a run's replicas. */
public record LaunchRequest(String runId, String taskId, TaskSpec spec, List<ReplicaLaunch> replicas) {
}
