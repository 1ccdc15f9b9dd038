package io.tasklane.capacity;

import java.util.List;

/** A group of GPU nodes of one type that tasks are placed on, with one SKU definition and one queue. */
public record VirtualCluster(String name, String gpuType, Sku sku, QueuePolicy queuePolicy, ClusterSource source,
                             List<ClusterNode> nodes) {

    public VirtualCluster {
        nodes = List.copyOf(nodes);
    }

    /** Whether its SKUs are real GPUs; false for the embedded default's stand-in slots on a host without GPUs. */
    public boolean hasGpus() {
        return !LocalClusterDeclaration.SLOT_GPU_TYPE.equals(gpuType);
    }

    /** SKUs on schedulable nodes: what the cluster can hand out. */
    public int totalSkus() {
        return nodes.stream().filter(ClusterNode::schedulable).mapToInt(ClusterNode::capacitySkus).sum();
    }

    /** The most SKUs any one node has (schedulable or not): more per replica can never run here. */
    public int largestNodeSkus() {
        return nodes.stream().mapToInt(ClusterNode::capacitySkus).max().orElse(0);
    }

    /** SKUs of every node, cordoned ones included: a task asking for more could never run here. */
    public int capacitySkus() {
        return nodes.stream().mapToInt(ClusterNode::capacitySkus).sum();
    }
}
