package io.tasklane.runtime.kubernetes;

import static io.tasklane.runtime.kubernetes.Launches.aLaunch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1Volume;
import io.tasklane.runtime.DeployFailedException;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.task.PortMapping;
import io.tasklane.task.StorageMount;
import org.junit.jupiter.api.Test;

class ReplicaPodFactoryTest {

    @Test
    void aReplicaPodAsksForTheGpusOfItsSkusOnItsAllocatedNode() {
        LaunchRequest request = aLaunch().skus(2).on("kube-gpu-1", "kube-gpu-2").build();

        V1Pod pod = ReplicaPodFactory.pod(request, request.replicas().get(1), Launches.L4, "team-a", "1Gi");

        V1Container container = pod.getSpec().getContainers().get(0);
        assertThat(container.getResources().getLimits()).containsEntry("nvidia.com/gpu", new Quantity("2"));
        assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("8"))
                .containsEntry("memory", new Quantity("32Gi"));
        assertThat(pod.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms().get(0).getMatchFields().get(0))
                .satisfies(f -> {
                    assertThat(f.getKey()).isEqualTo("metadata.name");
                    assertThat(f.getOperator()).isEqualTo("In");
                    assertThat(f.getValues()).containsExactly("kube-gpu-2");
                });
        assertThat(pod.getSpec().getTolerations()).anyMatch(t -> "nvidia.com/gpu".equals(t.getKey()));
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(container.getImage()).isEqualTo("registry.example/app:1");
        assertThat(container.getCommand()).containsExactly("python", "train.py");
        assertThat(container.getArgs()).containsExactly("--epochs", "3");
    }

    @Test
    void aReplicaPodIsNamedAndLabelledByTaskRunAndReplica() {
        LaunchRequest request = aLaunch().on("kube-gpu-1", "kube-gpu-1").build();

        V1Pod pod = ReplicaPodFactory.pod(request, request.replicas().get(1), Launches.L4, "team-a", "1Gi");

        assertThat(pod.getMetadata().getName()).isEqualTo("tl-rabc123def456-1");
        assertThat(pod.getMetadata().getNamespace()).isEqualTo("team-a");
        assertThat(pod.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "tasklane")
                .containsEntry("tasklane.io/task", "tabc123def456").containsEntry("tasklane.io/run", "rabc123def456")
                .containsEntry("tasklane.io/replica", "1");
    }

    @Test
    void theTasksEnvComesWithTasklanesOwnAndThePort() {
        LaunchRequest request = aLaunch().service().ports(new PortMapping(8080, null)).env(Map.of("MODEL", "llama")).build();

        V1Pod pod = ReplicaPodFactory.pod(request, request.replicas().get(0), Launches.L4, "team-a", "1Gi");

        assertThat(pod.getSpec().getContainers().get(0).getEnv()).extracting(V1EnvVar::getName, V1EnvVar::getValue)
                .contains(org.assertj.core.groups.Tuple.tuple("MODEL", "llama"),
                        org.assertj.core.groups.Tuple.tuple("TASKLANE_RUN_ID", "rabc123def456"),
                        org.assertj.core.groups.Tuple.tuple("TASKLANE_REPLICA_INDEX", "0"),
                        org.assertj.core.groups.Tuple.tuple("PORT", "8080"));
        assertThat(pod.getSpec().getContainers().get(0).getPorts().get(0).getContainerPort()).isEqualTo(8080);
        assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Always");
    }

    @Test
    void devShmIsAMemoryVolumeSizedByShmSizeAndStoragesAreClaims() {
        LaunchRequest request = aLaunch().env(Map.of("SHM_SIZE", "8Gi"))
                .storages(new StorageMount("datasets", "/data", true), new StorageMount("checkpoints", "/ckpt", false)).build();

        V1Pod pod = ReplicaPodFactory.pod(request, request.replicas().get(0), Launches.L4, "team-a", "1Gi");

        V1Volume shm = pod.getSpec().getVolumes().get(0);
        assertThat(shm.getEmptyDir().getMedium()).isEqualTo("Memory");
        assertThat(shm.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("8Gi"));
        assertThat(pod.getSpec().getVolumes()).extracting(v -> v.getPersistentVolumeClaim() == null ? null : v.getPersistentVolumeClaim().getClaimName())
                .containsExactly(null, "datasets", "checkpoints");
        assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts())
                .extracting(m -> m.getMountPath() + ":" + m.getReadOnly())
                .containsExactly("/dev/shm:null", "/data:true", "/ckpt:false");
    }

    @Test
    void withoutShmSizeTheConfiguredDefaultAppliesAndANonsenseSizeFailsTheDeployment() {
        LaunchRequest plain = aLaunch().build();
        assertThat(ReplicaPodFactory.pod(plain, plain.replicas().get(0), Launches.L4, "ns", "2Gi").getSpec().getVolumes().get(0)
                .getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("2Gi"));

        LaunchRequest bad = aLaunch().env(Map.of("SHM_SIZE", "lots")).build();
        assertThatThrownBy(() -> ReplicaPodFactory.pod(bad, bad.replicas().get(0), Launches.L4, "ns", "1Gi"))
                .isInstanceOf(DeployFailedException.class).hasMessageContaining("SHM_SIZE 'lots'");
    }

    @Test
    void theServicePublishesEveryPortAndBecomesANodePortWithAnExternalPort() {
        V1Service internal = RunServiceFactory.service(aLaunch().service().ports(new PortMapping(8080, null), new PortMapping(9090, null))
                .build(), "team-a", "ClusterIP");
        assertThat(internal.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(internal.getSpec().getPorts()).extracting(p -> p.getPort() + "->" + p.getTargetPort().getIntValue())
                .containsExactly("8080->8080", "9090->9090");
        assertThat(internal.getSpec().getSelector()).containsEntry("tasklane.io/run", "rabc123def456");
        assertThat(internal.getMetadata().getName()).isEqualTo("tl-rabc123def456");

        V1Service external = RunServiceFactory.service(aLaunch().service().ports(new PortMapping(8080, 30080)).build(),
                "team-a", "ClusterIP");
        assertThat(external.getSpec().getType()).isEqualTo("NodePort");
        assertThat(external.getSpec().getPorts().get(0).getNodePort()).isEqualTo(30080);
    }

    @Test
    void anMpiReplicaPodGetsTheHostfileOfTheRunAsAFile() {
        LaunchRequest request = aLaunch().roles(io.tasklane.task.Framework.MPI, new io.tasklane.task.RunRoles.Role("launcher", 1, 1),
                new io.tasklane.task.RunRoles.Role("worker", 2, 1)).build();

        V1Pod launcher = ReplicaPodFactory.pod(request, request.replicas().get(0), Launches.L4, "team-a", "1Gi");

        String host = "tl-rabc123def456";
        assertThat(launcher.getMetadata().getAnnotations()).containsEntry("tasklane.io/mpi-hostfile",
                host + "-worker-0." + host + ".team-a.svc slots=1\n" + host + "-worker-1." + host + ".team-a.svc slots=1\n");
        assertThat(launcher.getSpec().getVolumes()).filteredOn(v -> v.getDownwardAPI() != null).singleElement()
                .satisfies(v -> assertThat(v.getDownwardAPI().getItems().get(0).getFieldRef().getFieldPath())
                        .isEqualTo("metadata.annotations['tasklane.io/mpi-hostfile']"));
        V1Container container = launcher.getSpec().getContainers().get(0);
        assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/tasklane"));
        assertThat(container.getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("OMPI_MCA_orte_default_hostfile");
            assertThat(e.getValue()).isEqualTo("/etc/tasklane/hostfile");
        });
        assertThat(launcher.getSpec().getHostname()).isEqualTo(host + "-launcher-0");
    }

    @Test
    void aTensorFlowReplicaPodGetsItsTfConfig() {
        LaunchRequest request = aLaunch().roles(io.tasklane.task.Framework.TENSORFLOW_PS, new io.tasklane.task.RunRoles.Role("ps", 2, 1),
                new io.tasklane.task.RunRoles.Role("worker", 3, 1)).build();

        V1Pod ps1 = ReplicaPodFactory.pod(request, request.replicas().get(1), Launches.L4, "team-a", "1Gi");

        assertThat(ps1.getSpec().getContainers().get(0).getEnv()).anySatisfy(e -> {
            assertThat(e.getName()).isEqualTo("TF_CONFIG");
            assertThat(e.getValue()).contains("\"task\":{\"type\":\"ps\",\"index\":1}")
                    .contains("\"worker\":[\"tl-rabc123def456-worker-0.tl-rabc123def456.team-a.svc:29500\"");
        });
        assertThat(ps1.getMetadata().getAnnotations()).as("no hostfile outside MPI").isNullOrEmpty();
    }
}
