package io.tasklane.runtime.kubernetes;

import static io.tasklane.runtime.kubernetes.KubernetesLifecycleTest.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.tasklane.support.ApiServerMock;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.Kubelet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stop returns only once the API server no longer has the run's objects, so GPUs are never released
 * under a pod that is still terminating. The mock deletes at once; an injected answer to DELETE that
 * deletes nothing stands in for a pod in its grace period (its body, a Status rather than the pod, is
 * what a real API server may answer too).
 */
@IntegrationTest
class RunTeardownTest {

    @Autowired
    RunTeardown teardown;
    @Autowired
    Kubelet kubelet;
    @Autowired
    ApiServerMock apiServer;

    @AfterEach
    void healTheApiServer() {
        apiServer.clearFaults();
    }

    /** Without Tasklane's labels, so that the reconcile loop does not delete it as an orphan meanwhile. */
    static io.fabric8.kubernetes.api.model.Pod unmanaged(String name) {
        return new io.fabric8.kubernetes.api.model.PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().addNewContainer().withName("task").withImage("busybox").endContainer().endSpec().build();
    }

    @Test
    void aStopWaitsUntilThePodIsGone() throws Exception {
        String run = "rterminating01";
        kubelet.client().pods().inNamespace(NS).resource(unmanaged("tl-" + run + "-0")).create();
        apiServer.fail("DELETE", "/pods/tl-" + run + "-0", 200, 1);

        CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> teardown.delete(NS, run, List.of(0), Duration.ZERO));

        Thread.sleep(1000);
        assertThat(stop).as("the stop returned while the pod was still there").isNotDone();
        kubelet.client().pods().inNamespace(NS).withName("tl-" + run + "-0").withGracePeriod(0).delete();
        stop.get(10, TimeUnit.SECONDS);
        assertThat(kubelet.client().pods().inNamespace(NS).withName("tl-" + run + "-0").get()).isNull();
    }

    @Test
    void aPodThatOutlivesTheGracePeriodAndTheDeletionTimeoutFailsTheStop() {
        String run = "rstuck00000001";
        kubelet.client().pods().inNamespace(NS).resource(unmanaged("tl-" + run + "-0")).create();
        apiServer.fail("DELETE", "/pods/tl-" + run + "-0", 200, 1);
        try {
            assertThatThrownBy(() -> teardown.delete(NS, run, List.of(0), Duration.ZERO))
                    .isInstanceOf(KubernetesUnavailableException.class)
                    .hasMessage("run " + run + ": still present after deletion: [pod tl-" + run + "-0]");
        } finally {
            kubelet.client().pods().inNamespace(NS).withName("tl-" + run + "-0").withGracePeriod(0).delete();
        }
    }
}
