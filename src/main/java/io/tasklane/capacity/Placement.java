package io.tasklane.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, NodeSnapshot> free = new LinkedHashMap<>();
        nodes.forEach(n -> free.put(n.node(), n));
        List<ReplicaPlacement> placed = new ArrayList<>();
        for (int replica = 0; replica < replicas; replica++) {
            Optional<NodeSnapshot> target = free.values().stream()
                    .filter(n -> n.free() >= skuPerReplica)
                    .min(Comparator.comparingInt(NodeSnapshot::free).thenComparing(NodeSnapshot::node));
            if (target.isEmpty()) {
                return Optional.empty();
            }
            NodeSnapshot node = target.get();
            List<Integer> slots = node.freeSlots().stream().limit(skuPerReplica).toList();
            placed.add(new ReplicaPlacement(replica, node.node(), slots));
            free.put(node.node(), node.without(slots));
        }
        return Optional.of(placed);
    }

    /** The snapshot after {@code placements} took their slots. */
    public static List<NodeSnapshot> after(List<NodeSnapshot> nodes, List<ReplicaPlacement> placements) {
        Map<String, NodeSnapshot> free = new LinkedHashMap<>();
        nodes.forEach(n -> free.put(n.node(), n));
        for (ReplicaPlacement placement : placements) {
            free.computeIfPresent(placement.node(), (name, node) -> node.without(placement.slots()));
        }
        return List.copyOf(free.values());
    }
}
