package io.tasklane.runtime.kubernetes;

import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.NS;
import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.unique;
import static io.tasklane.runtime.kubernetes.Launches.aLaunch;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.tasklane.common.RunId;
import io.tasklane.runtime.DeployFailedException;
import io.tasklane.runtime.InstanceListener;
import io.tasklane.runtime.LaunchRequest;
import io.tasklane.runtime.LaunchedRun;
import io.tasklane.support.Api;
import io.tasklane.support.ApiServerMock;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.Kubelet;
import io.tasklane.support.SharedClusters;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API server refusing or failing: 409 is adoption, 403 a clear failure, 5xx retried and then an incident. */
@IntegrationTest
class KubernetesApiErrorsTest {

    static final InstanceListener IGNORE = new InstanceListener() {
        @Override
        public void ready(RunId runId, int index) {
        }

        @Override
        public void exited(RunId runId, int index, Integer exitCode, String message) {
        }
    };
    static final String POD_CREATE = "/api/v1/namespaces/" + NS + "/pods$";

    @LocalServerPort
    int port;
    @Autowired
    Kubelet kubelet;
    @Autowired
    ApiServerMock apiServer;
    @Autowired
    KubernetesRuntime runtime;
    @Autowired
    RuntimeService engine;
    @Autowired
    WatchedRuns watched;
    Api alice;
    RunWaits await;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
        await = new RunWaits(alice);
    }

    @AfterEach
    void healTheApiServerAndEmptyTheCluster() {
        apiServer.clearFaults();
        // A test that failed half-way leaves its run holding SKUs; the next test must still find the cluster empty.
        SharedClusters.empty(Api.anonymous(port).as("admin"), "kubernetes", 16);
    }

    @Test
    void aPodThatExistsForTheSameRunIsTakenOverOnConflict() {
        LaunchRequest request = aLaunch().build();
        String name = "tl-" + request.runId() + "-0";
        // Watched, so the reconcile loop does not delete it as an orphan of a run the database lacks.
        watched.watch(request.runId().value(), () -> new WatchedRun(request.runId().value(), NS, false, false, IGNORE, Instant.EPOCH))
                .watchReplica(0, "kube-gpu-1");
        try {
            kubelet.client().pods().inNamespace(NS).resource(new PodBuilder(pod(name, request.runId().value()))
                    .editMetadata().addToAnnotations("made-by", "an earlier attempt").endMetadata().build()).create();

            LaunchedRun launched = runtime.launch(request);

            assertThat(launched.replicas()).hasSize(1);
            assertThat(kubelet.client().pods().inNamespace(NS).withName(name).get().getMetadata().getAnnotations())
                    .containsEntry("made-by", "an earlier attempt");
            launched.abort();
            assertThat(kubelet.client().pods().inNamespace(NS).withName(name).get()).isNull();
        } finally {
            watched.forget(request.runId().value());
        }
    }

    @Test
    void aPodOfTheSameNameThatIsNotTheRunsFailsTheDeploymentAndIsLeftAlone() {
        LaunchRequest request = aLaunch().build();
        String name = "tl-" + request.runId() + "-0";
        // Not labelled as Tasklane's: the reconcile loop leaves it alone, and so must the launch.
        kubelet.client().pods().inNamespace(NS).resource(new PodBuilder(pod(name, "rsomeoneelse0")).editMetadata()
                .removeFromLabels("app.kubernetes.io/managed-by").endMetadata().build()).create();
        try {
            assertThatThrownBy(() -> runtime.launch(request)).isInstanceOf(DeployFailedException.class)
                    .hasMessage("pod " + NS + "/" + name + " already exists and does not belong to run " + request.runId()
                            + " (it belongs to run rsomeoneelse0); delete it or rename it");
            assertThat(kubelet.client().pods().inNamespace(NS).withName(name).get()).isNotNull();
        } finally {
            kubelet.client().pods().inNamespace(NS).withName(name).withGracePeriod(0).delete();
        }
    }

    @Test
    void serverErrorsAreRetriedUntilThePodIsCreated() {
        apiServer.fail("POST", POD_CREATE, 500, 2);

        String run = start(aTask().named(unique("flaky")).cluster("kubernetes").json());

        kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.running(NS, "tl-" + run + "-0", true);
        await.state(run, "RUNNING");
        stopAndAwait(run);
    }

    @Test
    void aForbiddenCreateFailsTheRunWithTheApiServersReason() {
        apiServer.fail("POST", POD_CREATE, 403, 100);

        String run = start(aTask().named(unique("forbidden")).cluster("kubernetes").json());
        JsonNode ended = await.over(run);

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).isEqualTo("DeployFailed: create pod " + NS + "/tl-" + run
                + "-0: Tasklane's service account is not allowed to do this (HTTP 403): injected by the test: HTTP 403");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void anApiServerThatKeepsFailingEndsInAnIncidentNotASilentLoss() {
        apiServer.fail("POST", POD_CREATE, 503, 1000);

        String run = start(aTask().named(unique("outage")).cluster("kubernetes").json());
        String processInstance = await.state(run, "STARTING").get("processInstanceId").asText();
        Awaitility.await("an incident on the run's process").atMost(Duration.ofSeconds(40))
                .until(() -> engine.createIncidentQuery().processInstanceId(processInstance).count() > 0);

        assertThat(engine.createIncidentQuery().processInstanceId(processInstance).singleResult().getIncidentMessage())
                .contains("create pod " + NS + "/tl-" + run + "-0 failed 3 times").contains("HTTP 503");
        assertThat(alice.get("/api/v1/runs/" + run).json().get("state").asText()).isEqualTo("STARTING");
        apiServer.clearFaults();
        stopAndAwait(run);
    }

    @Test
    void aReplicaWhoseContainerHasNotStartedHasNoLogYetRatherThanAnError() {
        String run = start(aTask().named(unique("early")).cluster("kubernetes").json());
        kubelet.awaitPod(NS, "tl-" + run + "-0");
        // The pod exists before the launch records the run's instance: wait for that, so the 404 below is the log's.
        await.instance(run, 0, i -> !i.isMissingNode(), "recorded");
        apiServer.fail("GET", "/pods/tl-" + run + "-0/log", 400, 1);

        Api.Response logs = alice.get("/api/v1/runs/" + run + "/instances/0/logs");

        assertThat(logs.status()).as(logs.body()).isEqualTo(404);
        assertThat(logs.body()).contains("log of instance");
        stopAndAwait(run);
    }

    private void stopAndAwait(String run) {
        String task = alice.get("/api/v1/runs/" + run).json().get("taskId").asText();
        assertThat(alice.post("/api/v1/tasks/" + task + "/stop", null).status()).isEqualTo(202);
        assertThat(await.over(run).get("state").asText()).isEqualTo("STOPPED");
        await.freeSkus("kubernetes", 16);
    }

    private String start(String taskJson) {
        Api.Response created = alice.post("/api/v1/tasks", taskJson);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return alice.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null).json().get("id").asText();
    }

    static io.fabric8.kubernetes.api.model.Pod pod(String name, String runId) {
        return new PodBuilder().withNewMetadata().withName(name).withLabels(Map.of("app.kubernetes.io/managed-by", "tasklane",
                        "tasklane.io/run", runId, "tasklane.io/replica", "0")).endMetadata()
                .withNewSpec().addNewContainer().withName("task").withImage("busybox").endContainer().endSpec().build();
    }
}
