package io.tasklane.capacity;

import java.util.List;

import io.tasklane.common.ClusterName;

/** The SKU slots one replica of a run holds on one node, and the GPU indices they stand for. */
public record Allocation(String runId, int replicaIndex, ClusterName cluster, String node, List<Integer> slots,
                         List<Integer> gpus) {
}
