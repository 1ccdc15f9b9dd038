package io.tasklane.sizing;

import io.tasklane.common.RunId;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A run's grow that waited for GPUs was let go (a later window asked for fewer replicas): its process, which
 * waits for the grow, is to hear that it is settled (message GrowGranted, with nothing added).
 */
@DomainEvent
public record GrowWithdrawn(RunId runId) {
}
