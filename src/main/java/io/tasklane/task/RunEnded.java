package io.tasklane.task;

import java.time.Instant;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * A run of the task on {@code cluster} reached its final state ({@link TaskState#FINAL}) with {@code reason}; published once,
 * in the transaction that ends it.
 */
@DomainEvent
public record RunEnded(RunId runId, TaskId taskId, ClusterName cluster, TaskState state, String reason, Instant at) {
}
