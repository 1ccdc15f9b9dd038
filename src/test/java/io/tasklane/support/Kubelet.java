package io.tasklane.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Plays the parts of a real cluster that the API mock lacks: the kubelet (pod status), KubeRay
 * (RayService status) and the nodes. Everything goes through the mock's API, as the real ones would.
 */
public class Kubelet {

    public static final String CLUSTER_LABEL = "tasklane.io/virtual-cluster";
    private final KubernetesClient client;
    private final ApiServerMock apiServer;

    Kubelet(KubernetesClient client, ApiServerMock apiServer) {
        this.client = client;
        this.apiServer = apiServer;
    }

    /** What the pod's log says from now on. */
    public void setLog(String namespace, String pod, String text) {
        apiServer.setLog(namespace, pod, text);
    }

    public KubernetesClient client() {
        return client;
    }

    /** Cluster "kubernetes": two ready nodes of 8 GPUs and a cordoned one of 4; cluster "kube-edge": one node of 4. */
    static void seedNodes(KubernetesClient client) {
        client.nodes().resource(node("kube-gpu-1", "kubernetes", 8, true, false)).create();
        client.nodes().resource(node("kube-gpu-2", "kubernetes", 8, true, false)).create();
        client.nodes().resource(node("kube-gpu-3", "kubernetes", 4, true, true)).create();
        client.nodes().resource(node("edge-1", "kube-edge", 4, true, false)).create();
        // A node without the label is not Tasklane's.
        client.nodes().resource(node("system-1", null, 0, true, false)).create();
    }

    public static Node node(String name, String cluster, int gpus, boolean ready, boolean cordoned) {
        NodeBuilder builder = new NodeBuilder().withNewMetadata().withName(name)
                .withLabels(cluster == null ? Map.of() : Map.of(CLUSTER_LABEL, cluster, "nvidia.com/gpu.product", "NVIDIA-L4"))
                .endMetadata()
                .withNewSpec().withUnschedulable(cordoned).endSpec()
                .withNewStatus().withAllocatable(Map.of("nvidia.com/gpu", new Quantity(String.valueOf(gpus)),
                        "cpu", new Quantity("64"), "memory", new Quantity("512Gi")))
                .withConditions(new io.fabric8.kubernetes.api.model.NodeConditionBuilder().withType("Ready")
                        .withStatus(ready ? "True" : "False").build())
                .endStatus();
        return builder.build();
    }

    /** Waits until Tasklane has created the pod. */
    public Pod awaitPod(String namespace, String name) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Pod pod = client.pods().inNamespace(namespace).withName(name).get();
            if (pod != null) {
                return pod;
            }
            sleep();
        }
        throw new AssertionError("pod " + namespace + "/" + name + " was not created within 30 s");
    }

    public void unschedulable(String namespace, String pod, String message) {
        setStatus(namespace, pod, new PodStatusBuilder().withPhase("Pending").withConditions(new PodConditionBuilder()
                .withType("PodScheduled").withStatus("False").withReason("Unschedulable").withMessage(message).build()).build());
    }

    public void waiting(String namespace, String pod, String phase, String reason, String message) {
        setStatus(namespace, pod, new PodStatusBuilder().withPhase(phase).withContainerStatuses(container(
                new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting().build(), 0, null))
                .build());
    }

    public void running(String namespace, String pod, boolean ready) {
        setStatus(namespace, pod, new PodStatusBuilder().withPhase("Running")
                .withConditions(condition("PodScheduled", true), condition("Ready", ready))
                .withContainerStatuses(container(new ContainerStateBuilder().withNewRunning().endRunning().build(), 0, null))
                .build());
    }

    public void crashLooping(String namespace, String pod, int restarts, int lastExitCode, String lastReason) {
        setStatus(namespace, pod, new PodStatusBuilder().withPhase("Running")
                .withConditions(condition("Ready", false))
                .withContainerStatuses(container(new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                                .withMessage("back-off 5m0s restarting failed container").endWaiting().build(), restarts,
                        new ContainerStateBuilder().withNewTerminated().withExitCode(lastExitCode).withReason(lastReason).endTerminated().build()))
                .build());
    }

    public void terminated(String namespace, String pod, String phase, int exitCode, String reason) {
        setStatus(namespace, pod, new PodStatusBuilder().withPhase(phase).withContainerStatuses(container(
                new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode).withReason(reason).endTerminated().build(), 0, null))
                .build());
    }

    /** Writes a RayService's status as KubeRay would: the Serve application's status and the Ready condition. */
    public void rayServiceStatus(String namespace, String name, String applicationStatus, String message, boolean ready) {
        GenericKubernetesResource rayService = client.genericKubernetesResources("ray.io/v1", "RayService")
                .inNamespace(namespace).withName(name).get();
        rayService.setAdditionalProperty("status", Map.of(
                "conditions", List.of(Map.of("type", "Ready", "status", ready ? "True" : "False", "reason", "Test",
                        "lastTransitionTime", Instant.now().toString(), "message", "")),
                "activeServiceStatus", Map.of("applicationStatuses", Map.of("default",
                        Map.of("status", applicationStatus, "message", message == null ? "" : message)))));
        client.genericKubernetesResources("ray.io/v1", "RayService").inNamespace(namespace).resource(rayService).updateStatus();
    }

    private void setStatus(String namespace, String name, PodStatus status) {
        Pod pod = client.pods().inNamespace(namespace).withName(name).get();
        pod.setStatus(status);
        client.pods().inNamespace(namespace).resource(pod).updateStatus();
    }

    private static ContainerStatus container(io.fabric8.kubernetes.api.model.ContainerState state, int restarts,
                                             io.fabric8.kubernetes.api.model.ContainerState last) {
        return new ContainerStatusBuilder().withName("task").withImage("registry.example/tasklane/app:1").withImageID("").withState(state)
                .withLastState(last).withRestartCount(restarts).withReady(state.getRunning() != null).build();
    }

    private static PodCondition condition(String type, boolean status) {
        return new PodConditionBuilder().withType(type).withStatus(status ? "True" : "False").build();
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
