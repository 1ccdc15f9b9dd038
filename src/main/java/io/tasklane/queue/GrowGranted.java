package io.tasklane.queue;

import io.tasklane.task.RunId;
import org.jmolecules.event.annotation.DomainEvent;

/** A dispatch pass reserved GPUs for the replicas a running run's waiting grow adds. */
@DomainEvent
public record GrowGranted(RunId runId) {
}
