package io.tasklane.queue;

import io.tasklane.task.RunId;
import org.jmolecules.event.annotation.DomainEvent;

/** A dispatch pass reserved GPUs for every replica of a queued run: its process may go on to Allocate GPUs. */
@DomainEvent
public record RunAdmitted(RunId runId) {
}
