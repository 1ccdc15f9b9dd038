package io.tasklane.runtime.kubernetes;

import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.NS;
import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.tasklane.common.RunId;
import io.tasklane.runtime.Deployments;
import io.tasklane.runtime.InstanceListener;
import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.RunInstance;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.Kubelet;
import io.tasklane.task.RunService;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A restarted Tasklane, or a second instance: objects of live runs are adopted and watched again (a
 * Tasklane that forgot its runs stands in for the restart), objects of unknown runs are deleted as orphans.
 */
@IntegrationTest
class KubernetesRecoveryTest {

    @LocalServerPort
    int port;
    @Autowired
    Kubelet kubelet;
    @Autowired
    WatchedRuns watched;
    @Autowired
    Deployments deployments;
    @Autowired
    RunService runs;
    @Autowired
    KubernetesRuntime runtime;
    @Autowired
    SharedRunAdoption adoption;
    Api alice;
    RunWaits await;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
        await = new RunWaits(alice);
    }

    @Test
    void aLiveRunsPodsAreAdoptedAfterARestartAndWatchedAgain() {
        String run = runningService("adopted");
        watched.forget(run);

        deployments.recover(runs.get(new RunId(run)));

        assertThat(watched.isWatched(run)).isTrue();
        kubelet.crashLooping(NS, "tl-" + run + "-0", 5, 139, "Error");
        JsonNode ended = await.over(run);
        assertThat(ended.get("reason").asText()).endsWith("CrashLoopBackOff: restarted 5 time(s); last exit code 139 (Error)");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aRunThatAnotherInstanceLaunchedIsPickedUpByTheReconcileLoop() {
        String run = runningService("elsewhere");
        watched.forget(run); // as if another Tasklane instance had launched it and gone away

        Awaitility.await("run " + run + " watched again").atMost(Duration.ofSeconds(10)).until(() -> watched.isWatched(run));
        kubelet.terminated(NS, "tl-" + run + "-0", "Failed", 2, "Error");
        assertThat(await.over(run).get("reason").asText()).endsWith("exited with code 2");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aReplicaWhosePodVanishedWhileTasklaneWasDownIsReportedAtAdoption() {
        String run = runningService("vanished");
        RecordingListener listener = new RecordingListener();
        RunInstance missing = new RunInstance(new RunId(run), 7, "kube-gpu-1", List.of(0), InstanceState.READY, null, 8080,
                Instant.now(), null, null, null, null, null);

        boolean adopted = runtime.adopt(missing, true, listener);

        assertThat(adopted).isFalse();
        assertThat(listener.exits).containsExactly("7: pod " + NS + "/tl-" + run + "-7 vanished while Tasklane was down");
        assertThat(alice.get("/api/v1/runs/" + run).json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(adoption.isBeingTornDown(run)).isFalse();
        String task = alice.get("/api/v1/runs/" + run).json().get("taskId").asText();
        alice.post("/api/v1/tasks/" + task + "/stop", null);
        await.state(run, "STOPPED");
        assertThat(adoption.isBeingTornDown(run)).isTrue();
        await.freeSkus("kubernetes", 16);
    }

    static final class RecordingListener implements InstanceListener {
        final List<String> exits = new CopyOnWriteArrayList<>();

        @Override
        public void ready(RunId runId, int index) {
        }

        @Override
        public void exited(RunId runId, int index, Integer exitCode, String message) {
            exits.add(index + ": " + message);
        }
    }

    @Test
    void objectsOfRunsUnknownToTheDatabaseAreDeletedAsOrphansAndOthersAreLeftAlone() {
        // (A run that is over leaves its exited pods to the same loop: see KubernetesLifecycleTest's job.)
        Map<String, String> unknownRun = Map.of("app.kubernetes.io/managed-by", "tasklane", "tasklane.io/run", "rnotindatabase");
        kubelet.client().pods().inNamespace(NS).resource(KubernetesApiErrorsTest.pod("tl-rnotindatabase-0", "rnotindatabase")).create();
        kubelet.client().services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("tl-rnotindatabase")
                .withLabels(unknownRun).endMetadata().withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
        kubelet.client().genericKubernetesResources("ray.io/v1", "RayService").inNamespace(NS).resource(new GenericKubernetesResourceBuilder()
                .withApiVersion("ray.io/v1").withKind("RayService").withNewMetadata().withName("tl-rnotindatabase")
                .withLabels(unknownRun).endMetadata().build()).create();
        kubelet.client().pods().inNamespace(NS).resource(new io.fabric8.kubernetes.api.model.PodBuilder()
                .withNewMetadata().withName("someone-elses").withLabels(Map.of("tasklane.io/replica", "0")).endMetadata()
                .withNewSpec().addNewContainer().withName("x").withImage("busybox").endContainer().endSpec().build()).create();

        Awaitility.await("the orphans deleted").atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> gone("tl-rnotindatabase-0") && serviceGone() && rayServiceGone());

        assertThat(gone("tl-rnotindatabase-0")).as("orphan pod deleted").isTrue();
        assertThat(serviceGone()).as("orphan service deleted").isTrue();
        assertThat(rayServiceGone()).as("orphan RayService deleted").isTrue();
        assertThat(gone("someone-elses")).as("a pod Tasklane does not manage is left alone").isFalse();
        kubelet.client().pods().inNamespace(NS).withName("someone-elses").withGracePeriod(0).delete();
    }

    private String runningService(String name) {
        Api.Response created = alice.post("/api/v1/tasks", service(name).json());
        String run = alice.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null).json().get("id").asText();
        kubelet.awaitPod(NS, "tl-" + run + "-0");
        kubelet.running(NS, "tl-" + run + "-0", true);
        await.state(run, "RUNNING");
        return run;
    }

    private boolean gone(String pod) {
        return kubelet.client().pods().inNamespace(NS).withName(pod).get() == null;
    }

    private boolean serviceGone() {
        return kubelet.client().services().inNamespace(NS).withName("tl-rnotindatabase").get() == null;
    }

    private boolean rayServiceGone() {
        return kubelet.client().genericKubernetesResources("ray.io/v1", "RayService").inNamespace(NS).withName("tl-rnotindatabase").get() == null;
    }
}
