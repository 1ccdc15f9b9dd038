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

    /**
     * A cluster from configuration. {@code runtime} runs its tasks ("local" or "simulated");
     * {@code generatedNodes} adds many identical nodes, for simulated clusters at scale.
     */
    public record DeclaredCluster(String name, String gpuType, DeclaredSku sku, QueuePolicy queuePolicy,
                                  @DefaultValue("local") String runtime,
                                  @DefaultValue List<DeclaredNode> nodes, @DefaultValue GeneratedNodes generatedNodes,
                                  @DefaultValue List<String> grantedUsers, @DefaultValue List<String> grantedGroups) {
    }

    /** {@code count} nodes named {@code <prefix>-<n>}, each of {@code capacitySkus} SKUs. */
    public record GeneratedNodes(@DefaultValue("0") int count, @DefaultValue("node") String prefix,
                                 @DefaultValue("8") int capacitySkus) {

        List<ClusterNode> generate() {
            return java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> new ClusterNode(prefix + "-" + i, capacitySkus, true)).toList();
        }
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
