package io.tasklane.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.tasklane.runtime.kubernetes.ReplicaObservation.Phase;
import org.junit.jupiter.api.Test;

class RayServiceStatusReadingTest {

    @Test
    void aNewRayServiceIsWaitingForItsCluster() {
        ReplicaObservation seen = RayServiceStatusReading.read(Map.of("spec", Map.of()));

        assertThat(seen.phase()).isEqualTo(Phase.PENDING);
        assertThat(seen.diagnostic()).isEqualTo("RayService: waiting for the Ray cluster");
    }

    @Test
    void deployingIsPendingAndRunningIsReadyOnlyWithTheReadyCondition() {
        assertThat(RayServiceStatusReading.read(status("DEPLOYING", null, false)).diagnostic()).isEqualTo("Ray Serve application DEPLOYING");
        assertThat(RayServiceStatusReading.read(status("RUNNING", null, false)).phase()).isEqualTo(Phase.PENDING);
        assertThat(RayServiceStatusReading.read(status("RUNNING", null, true)).phase()).isEqualTo(Phase.READY);
    }

    @Test
    void deployFailedAndUnhealthyFailWithServesMessage() {
        ReplicaObservation failed = RayServiceStatusReading.read(status("DEPLOY_FAILED", "ModuleNotFoundError: No module named 'serve_app'", false));
        assertThat(failed.phase()).isEqualTo(Phase.FAILED);
        assertThat(failed.diagnostic()).isEqualTo("Ray Serve application DEPLOY_FAILED: ModuleNotFoundError: No module named 'serve_app'");

        assertThat(RayServiceStatusReading.read(status("UNHEALTHY", "", true)).diagnostic()).isEqualTo("Ray Serve application UNHEALTHY");
    }

    static Map<String, Object> status(String application, String message, boolean ready) {
        Map<String, Object> app = message == null ? Map.of("status", application) : Map.of("status", application, "message", message);
        return Map.of("status", Map.of(
                "conditions", List.of(Map.of("type", "Ready", "status", ready ? "True" : "False")),
                "activeServiceStatus", Map.of("applicationStatuses", Map.of("default", app))));
    }
}
