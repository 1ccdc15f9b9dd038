package io.tasklane.queue;

import java.time.Instant;
import java.util.List;

import io.tasklane.capacity.ReplicaGroup;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;

/**
 * A run waiting for GPUs, with what orders it in its cluster's queue and what it asks for. A grow of a
 * running run waits the same way, for its added replicas only: {@code firstReplica} is the index its
 * first added replica gets (0 for a run that holds nothing yet). {@code project} is its task's project, which
 * a quota may hold back (null: no quota applies). {@code groups} are its replicas by size: one group for a task
 * without roles, one per role (in rank order) for a distributed job; {@code replicas} counts them all and
 * {@code skuPerReplica} is the largest.
 */
public record QueueEntry(RunId runId, TaskId taskId, boolean pinned, int priority, Instant queuedAt, int replicas,
                         int skuPerReplica, int firstReplica, String project, List<ReplicaGroup> groups) {

    public QueueEntry {
        groups = groups == null ? List.of(new ReplicaGroup(replicas, skuPerReplica)) : List.copyOf(groups);
    }

    /** Replicas of one size. */
    public QueueEntry(RunId runId, TaskId taskId, boolean pinned, int priority, Instant queuedAt, int replicas,
                      int skuPerReplica, int firstReplica, String project) {
        this(runId, taskId, pinned, priority, queuedAt, replicas, skuPerReplica, firstReplica, project, null);
    }

    /** A run that holds no GPUs yet, of no particular project. */
    public QueueEntry(RunId runId, TaskId taskId, boolean pinned, int priority, Instant queuedAt, int replicas,
                      int skuPerReplica) {
        this(runId, taskId, pinned, priority, queuedAt, replicas, skuPerReplica, 0, null);
    }

    /** A run or a grow of no particular project. */
    public QueueEntry(RunId runId, TaskId taskId, boolean pinned, int priority, Instant queuedAt, int replicas,
                      int skuPerReplica, int firstReplica) {
        this(runId, taskId, pinned, priority, queuedAt, replicas, skuPerReplica, firstReplica, null);
    }

    public int skus() {
        return ReplicaGroup.totalSkus(groups);
    }

    /** Replicas added to a run that already holds GPUs. */
    public boolean isGrow() {
        return firstReplica > 0;
    }

    /** The same entry, of {@code project}. */
    public QueueEntry ofProject(String project) {
        return new QueueEntry(runId, taskId, pinned, priority, queuedAt, replicas, skuPerReplica, firstReplica, project, groups);
    }
}
