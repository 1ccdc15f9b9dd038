package io.tasklane.capacity;

import java.util.List;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;

/** The SKU slots one replica of a run holds on one node, and the GPU indices they stand for. */
public record Allocation(RunId runId, int replicaIndex, ClusterName cluster, String node, List<Integer> slots,
                         List<Integer> gpus) {
}
