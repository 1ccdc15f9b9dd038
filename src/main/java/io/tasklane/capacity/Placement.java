package io.tasklane.capacity;

import java.util.List;
import java.util.Optional;

/**
 * Where a run's replicas go, as a pure function of free slots per node. All replicas or none (gang).
 * Best fit: each replica goes to the fullest node that still holds it, so large holes stay whole for
 * large replicas (less fragmentation). Replicas may share a node and may spread over several.
 */
public final class Placement {

    private Placement() {
    }

    /** The placement of {@code replicas} replicas of {@code skuPerReplica} slots each, or empty if they do not all fit. */
    public static Optional<List<ReplicaPlacement>> place(List<NodeSnapshot> nodes, int replicas, int skuPerReplica) {
        return new SlotPool(nodes).take(replicas, skuPerReplica);
    }
}
