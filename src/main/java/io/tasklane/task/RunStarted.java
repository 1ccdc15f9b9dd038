package io.tasklane.task;

import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A person or a schedule started a task: its run is open (QUEUED) and its task-run process is to start in
 * the same transaction. Not published for a run whose process an integrator started over Camunda's REST
 * API: that process opened the run itself.
 */
@DomainEvent
public record RunStarted(RunId runId, TaskId taskId) {
}
