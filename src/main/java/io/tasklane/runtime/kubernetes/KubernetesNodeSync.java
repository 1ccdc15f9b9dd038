package io.tasklane.runtime.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.kubernetes.client.openapi.models.V1Node;
import io.tasklane.capacity.CapacityProperties;
import io.tasklane.capacity.ClusterNode;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.ClusterSource;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.Sku;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.ClusterName;
import io.tasklane.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the nodes of kubernetes clusters follow the Kubernetes nodes labelled
 * {@code tasklane.io/virtual-cluster=<cluster>}, at start (after the configuration's clusters are
 * written) and periodically. A cluster declared in configuration keeps its SKU and grants; a label
 * naming an undeclared cluster creates it with the configured default SKU.
 */
@Component
@Order(20)
class KubernetesNodeSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KubernetesNodeSync.class);

    private final KubernetesUse use;
    private final KubernetesObjects objects;
    private final ClusterService clusters;
    private final CapacityProperties capacity;
    private final KubernetesRuntimeProperties properties;

    KubernetesNodeSync(KubernetesUse use, KubernetesObjects objects, ClusterService clusters, CapacityProperties capacity,
                       KubernetesRuntimeProperties properties) {
        this.use = use;
        this.objects = objects;
        this.clusters = clusters;
        this.capacity = capacity;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        periodically();
    }

    @Scheduled(fixedDelayString = "${tasklane.runtime.kubernetes.node-sync-interval:30s}",
            initialDelayString = "${tasklane.runtime.kubernetes.node-sync-interval:30s}")
    void periodically() {
        if (!use.active()) {
            return;
        }
        try {
            sync();
        } catch (RuntimeException e) {
            // The next pass tries again; until then the clusters keep the nodes they had.
            log.warn("Could not sync nodes from Kubernetes: {}", e.toString());
        }
    }

    /** Writes every labelled cluster's nodes; kubernetes clusters without labelled nodes get none. */
    void sync() {
        Map<String, List<V1Node>> byCluster = new TreeMap<>();
        // Clusters synced before keep being synced: when their last node goes, they must lose it.
        clusters.clustersRunBy(KubernetesRuntime.KIND).forEach(name -> byCluster.put(name.value(), new ArrayList<>()));
        capacity.clusters().stream().filter(c -> KubernetesRuntime.KIND.equals(c.runtime()))
                .forEach(c -> byCluster.put(c.name(), new ArrayList<>()));
        for (V1Node node : objects.listNodes(TasklaneLabels.VIRTUAL_CLUSTER)) {
            String cluster = node.getMetadata().getLabels().get(TasklaneLabels.VIRTUAL_CLUSTER);
            if (byCluster.containsKey(cluster) || properties.discoveredClusters().enabled()) {
                byCluster.computeIfAbsent(cluster, c -> new ArrayList<>()).add(node);
            }
        }
        byCluster.forEach(this::syncCluster);
    }

    private void syncCluster(String name, List<V1Node> nodes) {
        VirtualCluster known = known(name);
        Sku sku = known != null ? known.sku() : defaultSku();
        Map<String, ClusterNode> clusterNodes = new TreeMap<>();
        nodes.forEach(n -> clusterNodes.put(n.getMetadata().getName(), NodeCapacity.of(n, sku.gpus())));
        String gpuType = known != null ? known.gpuType()
                : nodes.stream().flatMap(n -> NodeCapacity.gpuProduct(n).stream()).findFirst().orElse("GPU (from Kubernetes)");
        clusters.syncRuntimeNodes(new VirtualCluster(name, gpuType, sku, QueuePolicy.BEST_EFFORT_FIFO, ClusterSource.CONFIG,
                List.copyOf(clusterNodes.values())), KubernetesRuntime.KIND);
        if (known == null || !known.nodes().equals(List.copyOf(clusterNodes.values()))) {
            log.info("Cluster '{}' synced from Kubernetes: {} node(s), {} schedulable SKU(s)", name, clusterNodes.size(),
                    clusterNodes.values().stream().filter(ClusterNode::schedulable).mapToInt(ClusterNode::capacitySkus).sum());
        }
    }

    private VirtualCluster known(String name) {
        try {
            return clusters.find(new ClusterName(name));
        } catch (NotFoundException | IllegalArgumentException e) { // a blank label names no cluster either
            return null;
        }
    }

    private Sku defaultSku() {
        KubernetesRuntimeProperties.NodeDefaults defaults = properties.discoveredClusters();
        return new Sku(defaults.skuGpus(), defaults.skuCpu(), defaults.skuMemoryGib());
    }
}
