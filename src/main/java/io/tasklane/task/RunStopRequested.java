package io.tasklane.task;

import io.tasklane.common.RunId;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * Someone asked a run to stop ({@code kill}: to end KILLED, making room for a force-start), and theirs was
 * the first such request: the run's process is to hear StopRequested (with stopAs STOPPED or KILLED).
 */
@DomainEvent
public record RunStopRequested(RunId runId, boolean kill) {
}
