package io.tasklane.queue;

import java.time.Instant;
import java.util.List;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;

/**
 * Grows waiting for GPUs, as the dispatch pass sees them: queue entries for the replicas they add. Sizing
 * owns them (it asks for and withdraws grows); the queue only reads and grants them, through this.
 */
public interface WaitingGrows {

    /** The grows waiting on {@code cluster}, as queue entries for their added replicas only. */
    List<QueueEntry> waiting(ClusterName cluster);

    /** Clusters with a grow waiting. */
    List<ClusterName> clustersWithGrows();

    /**
     * The grown runs now hold their added replicas: they count them, and their processes may deploy them.
     * Returns those granted: not a run that stopped since the pass read it.
     */
    java.util.Set<RunId> markGranted(List<RunId> runIds, Instant at);
}
