package io.tasklane.capacity;

import java.util.List;

/** The SKU slots one replica of a run holds on one node, and the GPU indices they stand for. */
public record Allocation(String runId, int replicaIndex, String cluster, String node, List<Integer> slots,
                         List<Integer> gpus) {
}
