package io.tasklane.runtime.kubernetes;

import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.NS;
import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.service;
import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.unique;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.Kubelet;
import io.tasklane.support.TaskJson;
import org.junit.jupiter.api.Test;

/** What goes wrong on a cluster ends the run as FAILED with a reason a person can act on. */
@IntegrationTest
class KubernetesFailuresTest extends KubernetesRunTest {

    @Test
    void anImageThatCannotBePulledFailsTheRunNamingTheImage() {
        String run = start(alice, aTask().named(unique("typo")).cluster("kubernetes").with("image", "registry.example/trian:3"));
        kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.waiting(NS, "tl-" + run + "-0", "Pending", "ImagePullBackOff", "Back-off pulling image \"registry.example/trian:3\"");

        JsonNode ended = await.over(run);

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).startsWith("ReplicaFailed: replica 0 on node kube-gpu-")
                .contains("ImagePullBackOff: image 'registry.example/tasklane/app:1' could not be pulled");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().at("/items/0/state").asText()).isEqualTo("FAILED");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aCrashLoopingServiceFailsWithItsLastExitCode() {
        String run = start(alice, service("crashy"));
        kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.running(NS, "tl-" + run + "-0", true);
        await.state(run, "RUNNING");

        kubelet.crashLooping(NS, "tl-" + run + "-0", 3, 1, "Error");
        JsonNode ended = await.over(run);

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).endsWith("CrashLoopBackOff: restarted 3 time(s); last exit code 1 (Error)");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().at("/items/0/exitCode").asInt()).isEqualTo(1);
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aJobKilledForMemoryFailsAsOomKilled() {
        String run = start(alice, aTask().named(unique("hungry")).cluster("kubernetes"));
        kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.terminated(NS, "tl-" + run + "-0", "Failed", 137, "OOMKilled");

        JsonNode ended = await.over(run);

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).endsWith("OOMKilled: the container ran out of memory (exit code 137)");
    }

    @Test
    void aPodDeletedBehindTasklanesBackFailsTheRun() {
        String run = start(alice, service("deleted"));
        kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.running(NS, "tl-" + run + "-0", true);
        await.state(run, "RUNNING");

        kubelet.client().pods().inNamespace(NS).withName("tl-" + run + "-0").withGracePeriod(0).delete();
        JsonNode ended = await.over(run);

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).endsWith("pod " + NS + "/tl-" + run + "-0 was deleted outside Tasklane");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aNodeThatDisappearsFailsTheRunsOnItAndLeavesItsCluster() {
        Api admin = Api.anonymous(port).as("admin");
        RunWaits adminWaits = new RunWaits(admin);
        adminWaits.freeSkus("kube-edge", 4);
        String run = start(admin, service("edge").cluster("kube-edge"));
        kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.running(NS, "tl-" + run + "-0", true);
        adminWaits.state(run, "RUNNING");

        kubelet.client().nodes().withName("edge-1").delete();
        try {
            JsonNode ended = adminWaits.over(run);

            assertThat(ended.get("state").asText()).isEqualTo("FAILED");
            assertThat(ended.get("reason").asText()).isEqualTo("ReplicaFailed: replica 0 on node edge-1: node edge-1 was removed from the Kubernetes cluster");
            adminWaits.freeSkus("kube-edge", 0);
            assertThat(admin.get("/api/v1/clusters/kube-edge").json().get("nodes")).isEmpty();
        } finally {
            kubelet.client().nodes().resource(Kubelet.node("edge-1", "kube-edge", 4, true, false)).create();
            adminWaits.freeSkus("kube-edge", 4);
        }
    }

    private static String start(Api api, TaskJson task) {
        Api.Response created = api.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = api.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }
}
