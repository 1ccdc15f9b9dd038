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
                      String endpoint, Instant stopRequestedAt, RunRoles roles) {

    /** A run without roles: one set of identical replicas. */
    public TaskRun(RunId id, TaskId taskId, ClusterName cluster, TaskKind kind, int replicas, int skuPerReplica,
                   int priority, TaskState state, String reason, String requestedBy, String processInstanceId,
                   Instant queuedAt, Instant admittedAt, Instant startedAt, Instant finishedAt, Instant deadlineAt,
                   String endpoint, Instant stopRequestedAt) {
        this(id, taskId, cluster, kind, replicas, skuPerReplica, priority, state, reason, requestedBy, processInstanceId,
                queuedAt, admittedAt, startedAt, finishedAt, deadlineAt, endpoint, stopRequestedAt, null);
    }

    /** Whether the run is a distributed job of roles. */
    public boolean hasRoles() {
        return roles != null;
    }

    /** Its replicas by size, in index order: one group, or one per role. */
    public java.util.List<io.tasklane.capacity.ReplicaGroup> groups() {
        return hasRoles() ? roles.groups() : java.util.List.of(new io.tasklane.capacity.ReplicaGroup(replicas, skuPerReplica));
    }

    /** What it asks for, as people read it: "2 replica(s) of 1 SKU(s)", or per role "master 1×1 SKU(s), worker 3×2 SKU(s)". */
    public String sizeDescription() {
        if (!hasRoles()) {
            return replicas + " replica(s) of " + skuPerReplica + " SKU(s)";
        }
        return String.join(", ", roles.roles().stream().map(r -> r.name() + " " + r.replicas() + "×" + r.skuPerReplica() + " SKU(s)").toList());
    }

    /** SKUs of all its replicas together. */
    public int totalSkus() {
        return io.tasklane.capacity.ReplicaGroup.totalSkus(groups());
    }

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
