package io.tasklane.runtime.kubernetes;

import io.tasklane.support.Api;
import io.tasklane.support.Kubelet;
import io.tasklane.support.SharedClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the tests of runs on the "kubernetes" cluster share: alice's API, waits on her runs, and the
 * kubelet the test plays against the Kubernetes API mock. Subclasses carry {@code @IntegrationTest}.
 */
abstract class KubernetesRunTest {

    @LocalServerPort
    int port;
    @Autowired
    Kubelet kubelet;
    Api alice;
    RunWaits await;

    @BeforeEach
    void signInAsAlice() {
        alice = Api.anonymous(port).as("alice");
        await = new RunWaits(alice);
    }

    /** A test that failed half-way leaves its run holding SKUs; the next test must still find the cluster empty. */
    @AfterEach
    void leaveTheClusterEmpty() {
        SharedClusters.empty(Api.anonymous(port).as("admin"), "kubernetes", 16);
    }
}
