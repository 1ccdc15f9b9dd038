package io.tasklane.task;

import java.time.Instant;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;

/**
 * One activation of a task: what it asked for when it started, and where it is. The task's own
 * state mirrors the state of its current run.
 */
public record TaskRun(RunId id, TaskId taskId, ClusterName cluster, TaskKind kind, int replicas, int skuPerReplica,
                      int priority, TaskState state, String reason, String requestedBy, String processInstanceId,
                      Instant queuedAt, Instant admittedAt, Instant startedAt, Instant finishedAt, Instant deadlineAt,
                      String endpoint, Instant stopRequestedAt) {

    public boolean isOver() {
        return state == TaskState.STOPPED || state == TaskState.KILLED || state == TaskState.FAILED
                || state == TaskState.SUCCEEDED;
    }

    /** Someone asked this run to stop; no step may move it further forward. */
    public boolean stopRequested() {
        return stopRequestedAt != null;
    }

    public boolean admitted() {
        return admittedAt != null;
    }
}
