package io.tasklane.capacity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clusters declared in configuration, synced into the database at every start, plus the host's
 * own cluster for the local runtime.
 */
@ConfigurationProperties("tasklane.capacity")
public record CapacityProperties(@DefaultValue Local local, @DefaultValue List<DeclaredCluster> clusters) {

    /** The host as one node: its GPUs from nvidia-smi, or {@code slots} stand-in slots without GPUs. */
    public record Local(@DefaultValue("true") boolean enabled, @DefaultValue("local") String clusterName,
                        @DefaultValue("4") int slots, @DefaultValue("nvidia-smi") String nvidiaSmi,
                        @DefaultValue DeclaredSku sku, @DefaultValue List<String> grantedUsers,
                        @DefaultValue List<String> grantedGroups) {
    }

    public record DeclaredCluster(String name, String gpuType, DeclaredSku sku, QueuePolicy queuePolicy,
                                  @DefaultValue List<DeclaredNode> nodes, @DefaultValue List<String> grantedUsers,
                                  @DefaultValue List<String> grantedGroups) {
    }

    public record DeclaredSku(@DefaultValue("1") int gpus, @DefaultValue("4") int cpu,
                              @DefaultValue("16") int memoryGib) {

        Sku toSku() {
            return new Sku(gpus, cpu, memoryGib);
        }
    }

    public record DeclaredNode(String name, int capacitySkus, @DefaultValue("true") boolean schedulable) {
    }
}
