package io.tasklane.runtime.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.tasklane.capacity.ClusterNode;

/**
 * A Kubernetes node as a node of a virtual cluster: its allocatable {@code nvidia.com/gpu} in SKUs, and
 * schedulable only when it is neither cordoned nor NotReady.
 */
final class NodeCapacity {

    private NodeCapacity() {
    }

    static ClusterNode of(V1Node node, int gpusPerSku) {
        Map<String, Quantity> allocatable = node.getStatus() == null || node.getStatus().getAllocatable() == null
                ? Map.of() : node.getStatus().getAllocatable();
        int gpus = Optional.ofNullable(allocatable.get(TasklaneLabels.GPU)).map(q -> q.getNumber().intValue()).orElse(0);
        boolean cordoned = node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
        return new ClusterNode(node.getMetadata().getName(), gpus / Math.max(1, gpusPerSku), !cordoned && isReady(node));
    }

    static boolean isReady(V1Node node) {
        List<V1NodeCondition> conditions = node.getStatus() == null || node.getStatus().getConditions() == null
                ? List.of() : node.getStatus().getConditions();
        return conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The GPU model the NVIDIA GPU feature discovery labels a node with, if it does. */
    static Optional<String> gpuProduct(V1Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        return Optional.ofNullable(labels == null ? null : labels.get("nvidia.com/gpu.product"));
    }
}
