package io.tasklane.runtime.kubernetes;

import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.NS;
import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.tasklane.runtime.Deployments;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.Kubelet;
import io.tasklane.task.RunId;
import io.tasklane.task.RunService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A restarted Tasklane: objects of live runs are adopted and watched again (a Tasklane that forgot its
 * runs stands in for the restart), objects whose run is over are deleted as orphans.
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
        assertThat(kubelet.client().pods().inNamespace(NS).withName("tl-" + run + "-0").get()).isNotNull();
        kubelet.crashLooping(NS, "tl-" + run + "-0", 5, 139, "Error");
        JsonNode ended = await.over(run);
        assertThat(ended.get("reason").asText()).endsWith("CrashLoopBackOff: restarted 5 time(s); last exit code 139 (Error)");
        await.freeSkus("kubernetes", 16);
    }

    @Test
    void aPodThatVanishedWhileTasklaneWasDownFailsItsRun() {
        String run = runningService("vanished");
        watched.forget(run);
        kubelet.client().pods().inNamespace(NS).withName("tl-" + run + "-0").withGracePeriod(0).delete();

        deployments.recover(runs.get(new RunId(run)));

        JsonNode ended = await.over(run);
        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).endsWith("pod " + NS + "/tl-" + run + "-0 vanished while Tasklane was down");
        await.freeSkus("kubernetes", 16);
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

        for (int i = 0; i < 100 && !(gone("tl-rnotindatabase-0") && serviceGone() && rayServiceGone()); i++) {
            RunWaits.pause();
        }

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
