package io.tasklane.runtime.kubernetes;

import io.tasklane.support.Api;
import io.tasklane.support.Kubelet;
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
}
