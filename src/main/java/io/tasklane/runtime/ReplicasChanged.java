package io.tasklane.runtime;

import io.tasklane.common.RunId;
import org.jmolecules.event.annotation.DomainEvent;

/** Replicas of a run were launched, became ready, or ended: its process may have a message due. */
@DomainEvent
public record ReplicasChanged(RunId runId) {
}
