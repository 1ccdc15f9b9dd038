package io.tasklane.queue;

import java.util.List;

import io.tasklane.common.RunId;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A dispatch pass reserved GPUs for every replica of these queued runs: their processes may go on to Allocate
 * GPUs. One event per pass (a pass may admit thousands of runs), without the run whose own start ran the pass:
 * that run goes on in the same transaction.
 */
@DomainEvent
public record RunsAdmitted(List<RunId> runIds) {
}
