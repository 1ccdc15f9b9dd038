package io.tasklane.runtime.kubernetes;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The kubernetes runtime. How to reach the API server: {@code apiUrl} (e.g. {@code kubectl proxy}), else
 * {@code kubeconfig}, else the pod's service account when Tasklane runs in a cluster, else the usual
 * kubeconfig lookup. It is used when a declared cluster has {@code runtime: kubernetes}, or with
 * {@code enabled} to create clusters from node labels alone. Where objects go: one {@code namespace}, or {@code <namespacePrefix><project>} per
 * project. {@code serviceType} is the type of a task's Service (NodePort whenever a port has an external
 * port). {@code shmSize} sizes /dev/shm when a task's env gives no {@code SHM_SIZE}. API calls that fail
 * with 5xx, 429 or a broken connection are tried {@code apiAttempts} times, backing off from {@code apiBackoff}.
 */
@ConfigurationProperties("tasklane.runtime.kubernetes")
public record KubernetesRuntimeProperties(@DefaultValue("false") boolean enabled,
                                          String apiUrl,
                                          String kubeconfig,
                                          @DefaultValue("tasklane") String namespace,
                                          @DefaultValue("false") boolean namespacePerProject,
                                          @DefaultValue("tasklane-") String namespacePrefix,
                                          @DefaultValue("ClusterIP") String serviceType,
                                          @DefaultValue("1Gi") String shmSize,
                                          @DefaultValue("5s") Duration reconcileInterval,
                                          @DefaultValue("30s") Duration nodeSyncInterval,
                                          @DefaultValue("30s") Duration orphanGracePeriod,
                                          @DefaultValue("60s") Duration deletionTimeout,
                                          @DefaultValue("4") int apiAttempts,
                                          @DefaultValue("500ms") Duration apiBackoff,
                                          @DefaultValue("./data/kubernetes-logs") Path logsDir,
                                          @DefaultValue("52428800") int logLimitBytes,
                                          @DefaultValue Ray ray,
                                          @DefaultValue NodeDefaults discoveredClusters) {

    /** The Ray head of a RayService: no GPUs, this much CPU and memory. */
    public record Ray(@DefaultValue("2") String headCpu, @DefaultValue("8Gi") String headMemory) {
    }

    /**
     * A cluster named by a node label but not declared in configuration is created with this SKU, and
     * {@code enabled: false} ignores such nodes instead.
     */
    public record NodeDefaults(@DefaultValue("true") boolean enabled, @DefaultValue("1") int skuGpus,
                               @DefaultValue("8") int skuCpu, @DefaultValue("32") int skuMemoryGib) {
    }
}
