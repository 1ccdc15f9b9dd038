package io.tasklane.queue;

import java.util.List;

import io.tasklane.common.RunId;
import org.jmolecules.event.annotation.DomainEvent;

/** A dispatch pass reserved GPUs for the replicas these running runs' waiting grows add. */
@DomainEvent
public record GrowsGranted(List<RunId> runIds) {
}
