package io.tasklane.runtime;

import io.tasklane.task.RunId;

/** Replicas of a run were launched, became ready, or ended: its process may have a message due. */
public record ReplicasChanged(RunId runId) {
}
