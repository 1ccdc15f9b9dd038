package io.tasklane.runtime.kubernetes;

import io.tasklane.capacity.CapacityProperties;
import org.springframework.stereotype.Component;

/**
 * Whether this Tasklane uses Kubernetes at all: some declared cluster has {@code runtime: kubernetes},
 * or {@code tasklane.runtime.kubernetes.enabled} asks to discover labelled nodes. Without it the node
 * sync and the reconcile loop never call an API server.
 */
@Component
class KubernetesUse {

    private final boolean active;

    KubernetesUse(CapacityProperties capacity, KubernetesRuntimeProperties properties) {
        this.active = properties.enabled() || capacity.clusters().stream().anyMatch(c -> KubernetesRuntime.KIND.equals(c.runtime()));
    }

    boolean active() {
        return active;
    }
}
