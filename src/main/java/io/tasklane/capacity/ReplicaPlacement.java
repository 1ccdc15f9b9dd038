package io.tasklane.capacity;

import java.util.List;

/** Where one replica runs: its node and the SKU slots it holds there. */
public record ReplicaPlacement(int replicaIndex, String node, List<Integer> slots) {

    public ReplicaPlacement {
        slots = List.copyOf(slots);
    }

    /** The GPU indices of the slots on a node whose SKUs have {@code gpusPerSku} GPUs each. */
    public List<Integer> gpuIndices(int gpusPerSku) {
        return slots.stream().flatMap(slot -> java.util.stream.IntStream.range(slot * gpusPerSku, (slot + 1) * gpusPerSku).boxed()).toList();
    }
}
