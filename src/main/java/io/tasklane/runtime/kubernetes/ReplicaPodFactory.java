package io.tasklane.runtime.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Affinity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeFile;
import io.kubernetes.client.openapi.models.V1DownwardAPIVolumeSource;
import io.kubernetes.client.openapi.models.V1EmptyDirVolumeSource;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1NodeAffinity;
import io.kubernetes.client.openapi.models.V1NodeSelector;
import io.kubernetes.client.openapi.models.V1NodeSelectorRequirement;
import io.kubernetes.client.openapi.models.V1NodeSelectorTerm;
import io.kubernetes.client.openapi.models.V1ObjectFieldSelector;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Toleration;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.tasklane.capacity.Sku;
import io.tasklane.runtime.DeployFailedException;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.ReplicaLaunch;
import io.tasklane.task.PortMapping;
import io.tasklane.task.RunRoles;
import io.tasklane.task.StorageMount;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskSpec;

/**
 * The Pod of one replica of a batch or plain service task, and the pieces a RayService's pod templates
 * share with it: GPU limits from the SKUs, placement on the allocated node, /dev/shm, storages, env.
 */
final class ReplicaPodFactory {

    static final String CONTAINER = "task";
    static final String SHM_SIZE = "SHM_SIZE";

    private ReplicaPodFactory() {
    }

    static V1Pod pod(LaunchRequest request, ReplicaLaunch replica, Sku sku, String namespace, String defaultShmSize) {
        // A replica of a role runs the role's command with its env and SKUs; otherwise the task's.
        TaskSpec spec = request.specOf(replica.index());
        PodRendezvous rendezvous = request.roles() == null ? null : PodRendezvous.of(request, namespace);
        List<V1VolumeMount> mounts = mounts(spec);
        List<V1Volume> volumes = volumes(spec, defaultShmSize);
        Map<String, String> labels = TasklaneLabels.ofReplica(request.taskId().value(), request.runId().value(), replica.index());
        V1ObjectMeta metadata = new V1ObjectMeta().name(TasklaneLabels.podName(request.runId().value(), replica.index()))
                .namespace(namespace);
        V1PodSpec podSpec = new V1PodSpec()
                .restartPolicy(spec.kind() == TaskKind.JOB ? "Never" : "Always")
                .affinity(onNodes(List.of(replica.node())))
                .tolerations(List.of(gpuToleration()));
        if (rendezvous != null) {
            RunRoles.Slot slot = request.slotOf(replica.index());
            labels.put(TasklaneLabels.ROLE, slot.role());
            labels.put(TasklaneLabels.ROLE_INDEX, String.valueOf(slot.roleIndex()));
            podSpec.hostname(PodRendezvous.hostname(request.runId().value(), slot))
                    .subdomain(PodRendezvous.subdomain(request.runId().value()));
            if (rendezvous.hasHostfile()) {
                metadata.annotations(Map.of(PodRendezvous.HOSTFILE_ANNOTATION, rendezvous.hostfile()));
                mounts.add(new V1VolumeMount().name("tasklane-mpi").mountPath(PodRendezvous.HOSTFILE_DIR).readOnly(true));
                volumes.add(new V1Volume().name("tasklane-mpi").downwardAPI(new V1DownwardAPIVolumeSource().items(List.of(
                        new V1DownwardAPIVolumeFile().path("hostfile").fieldRef(new V1ObjectFieldSelector()
                                .fieldPath("metadata.annotations['" + PodRendezvous.HOSTFILE_ANNOTATION + "']"))))));
            }
        }
        V1Container container = new V1Container().name(CONTAINER).image(spec.image())
                .command(spec.command()).args(spec.args())
                .env(env(request, replica.index(), spec, rendezvous))
                .ports(spec.ports().stream().map(p -> new V1ContainerPort().containerPort(p.containerPort())).toList())
                .resources(resources(sku, spec.skuPerReplica()))
                .volumeMounts(mounts);
        return new V1Pod().apiVersion("v1").kind("Pod").metadata(metadata.labels(labels))
                .spec(podSpec.containers(List.of(container)).volumes(volumes));
    }

    /** The task's env, then Tasklane's own variables; PORT is the first container port, as on the local runtime. */
    static List<V1EnvVar> env(LaunchRequest request, int index) {
        return env(request, index, request.spec(), null);
    }

    /** The replica's env (its role's, for a run of roles), Tasklane's variables, and the rendezvous of a run of roles. */
    private static List<V1EnvVar> env(LaunchRequest request, int index, TaskSpec spec, PodRendezvous rendezvous) {
        Map<String, String> env = new LinkedHashMap<>(spec.env());
        env.put("TASKLANE_TASK_ID", request.taskId().value());
        env.put("TASKLANE_RUN_ID", request.runId().value());
        env.put("TASKLANE_REPLICA_INDEX", String.valueOf(index));
        request.spec().ports().stream().findFirst().map(PortMapping::containerPort)
                .ifPresent(port -> env.put("PORT", String.valueOf(port)));
        if (rendezvous != null) {
            env.putAll(rendezvous.envOf(index));
        }
        return env.entrySet().stream().map(e -> new V1EnvVar().name(e.getKey()).value(e.getValue())).toList();
    }

    /** GPUs are a limit (the device plugin's rule); CPU and memory are requests, so a replica may burst. */
    static V1ResourceRequirements resources(Sku sku, int skus) {
        return new V1ResourceRequirements()
                .limits(Map.of(TasklaneLabels.GPU, new Quantity(String.valueOf(sku.gpus() * skus))))
                .requests(Map.of("cpu", new Quantity(String.valueOf(sku.cpu() * skus)),
                        "memory", new Quantity(sku.memoryGib() * skus + "Gi")));
    }

    /**
     * Required node affinity on the node's name rather than {@code nodeName}: the scheduler still checks
     * the GPUs are free, so a node that other workloads filled shows as Unschedulable instead of a pod
     * that the kubelet rejects.
     */
    static V1Affinity onNodes(List<String> nodes) {
        return new V1Affinity().nodeAffinity(new V1NodeAffinity().requiredDuringSchedulingIgnoredDuringExecution(
                new V1NodeSelector().nodeSelectorTerms(List.of(new V1NodeSelectorTerm().matchFields(List.of(
                        new V1NodeSelectorRequirement().key("metadata.name").operator("In").values(List.copyOf(nodes))))))));
    }

    /** GPU nodes are commonly tainted so that only GPU work lands there. */
    static V1Toleration gpuToleration() {
        return new V1Toleration().key(TasklaneLabels.GPU).operator("Exists").effect("NoSchedule");
    }

    static List<V1VolumeMount> mounts(TaskSpec spec) {
        List<V1VolumeMount> mounts = new ArrayList<>();
        mounts.add(new V1VolumeMount().name("dshm").mountPath("/dev/shm"));
        for (int i = 0; i < spec.storages().size(); i++) {
            StorageMount storage = spec.storages().get(i);
            mounts.add(new V1VolumeMount().name("storage-" + i).mountPath(storage.mountPath())
                    .readOnly(Boolean.TRUE.equals(storage.readOnly())));
        }
        return mounts;
    }

    /** /dev/shm as memory sized by the task's SHM_SIZE (a Kubernetes quantity), and each storage as its claim. */
    static List<V1Volume> volumes(TaskSpec spec, String defaultShmSize) {
        List<V1Volume> volumes = new ArrayList<>();
        volumes.add(new V1Volume().name("dshm").emptyDir(new V1EmptyDirVolumeSource().medium("Memory")
                .sizeLimit(shmSize(spec, defaultShmSize))));
        for (int i = 0; i < spec.storages().size(); i++) {
            StorageMount storage = spec.storages().get(i);
            volumes.add(new V1Volume().name("storage-" + i).persistentVolumeClaim(new V1PersistentVolumeClaimVolumeSource()
                    .claimName(storage.name()).readOnly(Boolean.TRUE.equals(storage.readOnly()))));
        }
        return volumes;
    }

    static Quantity shmSize(TaskSpec spec, String defaultShmSize) {
        String size = spec.env().getOrDefault(SHM_SIZE, defaultShmSize);
        try {
            return new Quantity(size);
        } catch (RuntimeException e) {
            throw new DeployFailedException("env " + SHM_SIZE + " '" + size + "' is not a Kubernetes quantity such as 8Gi", e);
        }
    }
}
