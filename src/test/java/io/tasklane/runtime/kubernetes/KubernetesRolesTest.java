package io.tasklane.runtime.kubernetes;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A PyTorch DDP job of roles on the "kubernetes" cluster (API mock): a pod per replica with its role's command,
 * labels, stable host name and rendezvous env, a headless Service for the run, and nothing left once it ends.
 */
@IntegrationTest
class KubernetesRolesTest extends KubernetesRunTest {

    static final String NS = KubernetesLifecycleTest.NS;

    @Test
    void aJobOfRolesGetsAPodPerReplicaWithStableNamesAndItsRendezvous() {
        Api.Response created = alice.post("/api/v1/tasks", aTask().named(KubernetesLifecycleTest.unique("ddp")).cluster("kubernetes")
                .with("image", "registry.example/ddp:1").with("command", List.of("python", "train.py")).with("framework", "PYTORCH_DDP")
                .with("roles", List.of(Map.of("name", "master", "skuPerReplica", 2),
                        Map.of("name", "worker", "replicas", 2, "command", List.of("python", "worker.py"), "env", Map.of("NOTE", "w"))))
                .json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String task = created.json().get("id").asText();
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        String host = "tl-" + run;

        Pod master = kubelet.awaitPod(NS, host + "-0");
        Pod worker = kubelet.awaitPod(NS, host + "-2");
        kubelet.awaitPod(NS, host + "-1");

        assertThat(master.getMetadata().getLabels()).containsEntry("tasklane.io/role", "master").containsEntry("tasklane.io/role-index", "0");
        assertThat(worker.getMetadata().getLabels()).containsEntry("tasklane.io/role", "worker").containsEntry("tasklane.io/role-index", "1")
                .containsEntry("tasklane.io/replica", "2");
        assertThat(worker.getSpec().getHostname()).isEqualTo(host + "-worker-1");
        assertThat(worker.getSpec().getSubdomain()).isEqualTo(host);
        assertThat(worker.getSpec().getContainers().get(0).getCommand()).containsExactly("python", "worker.py");
        assertThat(master.getSpec().getContainers().get(0).getCommand()).containsExactly("python", "train.py");
        assertThat(master.getSpec().getContainers().get(0).getResources().getLimits().get("nvidia.com/gpu").getAmount()).isEqualTo("2");
        assertThat(worker.getSpec().getContainers().get(0).getResources().getLimits().get("nvidia.com/gpu").getAmount()).isEqualTo("1");
        assertThat(env(worker)).containsEntry("MASTER_ADDR", host + "-master-0." + host + "." + NS + ".svc")
                .containsEntry("MASTER_PORT", "29500").containsEntry("WORLD_SIZE", "3").containsEntry("RANK", "2")
                .containsEntry("LOCAL_RANK", "0").containsEntry("TASKLANE_ROLE", "worker").containsEntry("TASKLANE_ROLE_INDEX", "1")
                .containsEntry("TASKLANE_RANK", "2").containsEntry("NOTE", "w")
                .containsEntry("TASKLANE_PEERS", host + "-master-0." + host + "." + NS + ".svc:29500," + host + "-worker-0." + host
                        + "." + NS + ".svc:29500," + host + "-worker-1." + host + "." + NS + ".svc:29500");
        assertThat(env(master)).containsEntry("RANK", "0").doesNotContainKey("NOTE");
        Service headless = kubelet.client().services().inNamespace(NS).withName(host).get();
        assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(headless.getSpec().getSelector()).containsEntry("tasklane.io/run", run);

        // The pods are created before the launch's transaction records the run's instances: wait for those.
        JsonNode instances = Await.until("the run's worker instances", () -> alice.get("/api/v1/runs/" + run + "/instances?role=worker").json(),
                i -> i.get("items").size() == 2);
        assertThat(instances.get("items").findValuesAsText("pod")).containsExactly(host + "-1", host + "-2");
        assertThat(instances.get("items").findValuesAsText("container")).containsOnly("task");

        for (int i = 0; i < 3; i++) {
            kubelet.running(NS, host + "-" + i, true);
        }
        await.state(run, "RUNNING");
        for (int i = 0; i < 3; i++) {
            kubelet.terminated(NS, host + "-" + i, "Succeeded", 0, "Completed");
        }
        assertThat(await.over(run).get("state").asText()).isEqualTo("SUCCEEDED");
        Awaitility.await("the run's pods and headless Service deleted").atMost(Duration.ofSeconds(20))
                .until(() -> kubelet.client().pods().inNamespace(NS).withLabel("tasklane.io/run", run).list().getItems().isEmpty()
                        && kubelet.client().services().inNamespace(NS).withName(host).get() == null);
        await.freeSkus("kubernetes", 16);
    }

    private static Map<String, String> env(Pod pod) {
        return pod.getSpec().getContainers().get(0).getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
