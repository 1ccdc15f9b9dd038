package io.tasklane.queue;

import java.time.Instant;

/** A run waiting for GPUs, with what orders it in its cluster's queue and what it asks for. */
public record QueueEntry(String runId, String taskId, boolean pinned, int priority, Instant queuedAt, int replicas,
                         int skuPerReplica) {

    public int skus() {
        return replicas * skuPerReplica;
    }
}
