package io.tasklane.queue;

import io.tasklane.task.RunId;

/** A dispatch pass reserved GPUs for the replicas a running run's waiting grow adds. */
public record GrowGranted(RunId runId) {
}
