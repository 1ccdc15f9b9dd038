package io.tasklane.sizing;

import io.tasklane.common.RunId;
import org.jmolecules.event.annotation.DomainEvent;

/** A run was asked to take a new replica range: its process is to apply it (message ResizeRequested). */
@DomainEvent
public record ResizeRequested(RunId runId) {
}
