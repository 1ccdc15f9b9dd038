package io.tasklane.capacity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.tasklane.capacity.GpuDetector.Gpu;

/**
 * The embedded default's cluster: this host as its single node. With GPUs, one SKU per
 * {@code sku.gpus} GPUs of the detected model; without, a configured number of slots, so the
 * local runtime can still queue and run tasks on a laptop.
 */
final class LocalClusterDeclaration {

    static final String SLOT_GPU_TYPE = "none (slots)";

    private LocalClusterDeclaration() {
    }

    static VirtualCluster declare(CapacityProperties.Local local, List<Gpu> gpus, String hostName) {
        Sku sku = local.sku().toSku();
        if (gpus.isEmpty()) {
            return new VirtualCluster(local.clusterName(), SLOT_GPU_TYPE, sku, QueuePolicy.BEST_EFFORT_FIFO,
                    ClusterSource.CONFIG, List.of(new ClusterNode(hostName, local.slots(), true)));
        }
        int skus = gpus.size() / Math.max(1, sku.gpus());
        return new VirtualCluster(local.clusterName(), gpus.get(0).model(), sku, QueuePolicy.BEST_EFFORT_FIFO,
                ClusterSource.CONFIG, List.of(new ClusterNode(hostName, skus, true)));
    }

    /** A node name that is a valid DNS subdomain, from the host's name. */
    static String hostName() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = "localhost";
        }
        String cleaned = name.toLowerCase().replaceAll("[^a-z0-9.-]", "-").replaceAll("^[-.]+|[-.]+$", "");
        return cleaned.isEmpty() ? "localhost" : cleaned;
    }
}
