package io.tasklane.capacity;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Writes the clusters declared in configuration (and the host's local cluster) into the database at
 * start. Configuration owns these clusters: their definition and node list follow the file; grants
 * listed there are added, grants made over the API are kept.
 */
@Component
@Order(10)
class ClusterConfigSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfigSync.class);

    private final CapacityProperties properties;
    private final ClusterService clusters;

    ClusterConfigSync(CapacityProperties properties, ClusterService clusters) {
        this.properties = properties;
        this.clusters = clusters;
    }

    @Override
    public void run(ApplicationArguments args) {
        CapacityProperties.Local local = properties.local();
        if (local.enabled()) {
            var gpus = new GpuDetector(local.nvidiaSmi()).detect();
            VirtualCluster cluster = LocalClusterDeclaration.declare(local, gpus, LocalClusterDeclaration.hostName());
            clusters.syncDeclared(cluster, "local", grants(local.grantedUsers(), local.grantedGroups()));
            log.info("Cluster '{}': this host with {} SKU(s) of {} ({})", cluster.name(), cluster.totalSkus(),
                    cluster.gpuType(), gpus.isEmpty() ? "no GPUs found, using configured slots" : gpus.size() + " GPU(s)");
        }
        for (CapacityProperties.DeclaredCluster declared : properties.clusters()) {
            List<ClusterNode> nodes = new java.util.ArrayList<>(declared.nodes().stream()
                    .map(n -> new ClusterNode(n.name(), n.capacitySkus(), n.schedulable())).toList());
            nodes.addAll(declared.generatedNodes().generate());
            VirtualCluster cluster = new VirtualCluster(declared.name(), declared.gpuType(),
                    declared.sku() == null ? null : declared.sku().toSku(), declared.queuePolicy(), ClusterSource.CONFIG, nodes);
            clusters.syncDeclared(cluster, declared.runtime(), grants(declared.grantedUsers(), declared.grantedGroups()));
            log.info("Cluster '{}' synced from configuration: {} node(s), {} SKU(s)", cluster.name(), nodes.size(),
                    cluster.totalSkus());
        }
    }

    private static List<ClusterGrant> grants(List<String> users, List<String> groups) {
        List<ClusterGrant> grants = new ArrayList<>();
        users.forEach(user -> grants.add(new ClusterGrant(PrincipalType.USER, user)));
        groups.forEach(group -> grants.add(new ClusterGrant(PrincipalType.GROUP, group)));
        return grants;
    }
}
