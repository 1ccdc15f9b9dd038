package io.tasklane.runtime.kubernetes;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.TaskJson;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Runs on the "kubernetes" cluster go through the real task-run process, the engine and PostgreSQL
 * against the Kubernetes API mock; the test plays the kubelet by writing pod status.
 */
@IntegrationTest
class KubernetesLifecycleTest extends KubernetesRunTest {

    static final String NS = "tasklane-test";

    @Test
    void aServiceGoesFromQueuedThroughRunningToStoppedAndItsPodsAreDeleted() {
        String task = create(service("web").replicas(2).skuPerReplica(2));

        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        await.state(run, "STARTING");
        Pod pod0 = kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.awaitPod(NS, "tl-" + run + "-1");
        kubelet.unschedulable(NS, "tl-" + run + "-0", "0/3 nodes are available: 3 Insufficient nvidia.com/gpu.");
        await.instance(run, 0, i -> i.path("message").asText().startsWith("Unschedulable: 0/3 nodes"), "an Unschedulable note");
        kubelet.running(NS, "tl-" + run + "-0", false);
        kubelet.running(NS, "tl-" + run + "-1", true);
        assertThat(alice.get("/api/v1/runs/" + run).json().get("state").asText()).isEqualTo("STARTING");
        kubelet.running(NS, "tl-" + run + "-0", true);

        JsonNode running = await.state(run, "RUNNING");
        assertThat(running.get("endpoint").asText()).isEqualTo("http://tl-" + run + "." + NS + ".svc:8080/");
        assertThat(running.has("dashboard")).isFalse();
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().at("/items/0").has("message"))
                .as("the Unschedulable note is gone once the replica serves").isFalse();
        assertThat(pod0.getSpec().getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms().get(0).getMatchFields().get(0).getValues())
                .containsExactly(alice.get("/api/v1/runs/" + run + "/instances").json().at("/items/0/node").asText());
        assertThat(kubelet.client().services().inNamespace(NS).withName("tl-" + run).get().getSpec().getPorts().get(0).getPort())
                .isEqualTo(8080);
        await.freeSkus("kubernetes", 16 - 4);

        assertThat(alice.post("/api/v1/tasks/" + task + "/stop", null).status()).isEqualTo(202);
        JsonNode stopped = await.state(run, "STOPPED");

        assertThat(stopped.get("reason").asText()).isEqualTo("stopped by alice");
        assertThat(kubelet.client().pods().inNamespace(NS).withLabel("tasklane.io/run", run).list().getItems()).isEmpty();
        assertThat(kubelet.client().services().inNamespace(NS).withName("tl-" + run).get()).isNull();
        assertThat(alice.get("/api/v1/tasks/" + task + "/events").items("toState"))
                .containsSubsequence("CREATED", "QUEUED", "STARTING", "RUNNING", "STOPPING", "STOPPED");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aJobSucceedsWhenItsPodsSucceedAndItsLogIsReadFromTheApi() {
        String task = create(aTask().named(unique("train")).cluster("kubernetes").with("image", "registry.example/train:3"));
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.waiting(NS, "tl-" + run + "-0", "Pending", "ContainerCreating", null);
        await.instance(run, 0, i -> "ContainerCreating".equals(i.path("message").asText()), "ContainerCreating");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().at("/items/0/state").asText()).isEqualTo("PENDING");
        assertThat(alice.get("/api/v1/runs/" + run).json().get("state").asText()).as("a pending pod is not running").isEqualTo("STARTING");
        kubelet.setLog(NS, "tl-" + run + "-0", "epoch 1\nepoch 2\nsaved model\n");
        kubelet.running(NS, "tl-" + run + "-0", true);
        await.state(run, "RUNNING");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().at("/items/0/state").asText()).isEqualTo("STARTED");

        assertThat(alice.get("/api/v1/runs/" + run + "/instances/0/logs?tail=1").body()).isEqualTo("saved model\n");
        Api.Response download = alice.get("/api/v1/runs/" + run + "/instances/0/logs?download=true");
        assertThat(download.body()).isEqualTo("epoch 1\nepoch 2\nsaved model\n");
        kubelet.terminated(NS, "tl-" + run + "-0", "Succeeded", 0, "Completed");

        JsonNode ended = await.over(run);
        assertThat(ended.get("state").asText()).isEqualTo("SUCCEEDED");
        // The finished pod is an orphan once its run is over: the reconcile loop deletes it.
        awaitGone("tl-" + run + "-0");
        await.freeSkus("kubernetes", 16);
    }

    private void awaitGone(String pod) {
        Awaitility.await("pod " + pod + " deleted").atMost(Duration.ofSeconds(10))
                .until(() -> kubelet.client().pods().inNamespace(NS).withName(pod).get() == null);
    }

    static TaskJson service(String name) {
        return aTask().named(unique(name)).cluster("kubernetes").with("kind", "SERVICE").with("image", "registry.example/web:1")
                .with("command", List.of("python", "-m", "http.server", "8080"))
                .with("ports", List.of(Map.of("containerPort", 8080)));
    }

    private String create(TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
