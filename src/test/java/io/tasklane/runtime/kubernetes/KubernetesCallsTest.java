package io.tasklane.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.kubernetes.client.openapi.ApiException;
import org.junit.jupiter.api.Test;

class KubernetesCallsTest {

    final KubernetesCalls calls = new KubernetesCalls(3, Duration.ofMillis(1));

    @Test
    void serverErrorsThrottlingAndLostConnectionsAreRetriedUntilTheCallWorks() {
        Deque<ApiException> failures = new ArrayDeque<>(List.of(error(500), error(429), new ApiException("timeout")));
        KubernetesCalls patient = new KubernetesCalls(4, Duration.ofMillis(1));

        String answer = patient.run("create pod p", () -> {
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return "created";
        });

        assertThat(answer).isEqualTo("created");
    }

    @Test
    void serverErrorsThatOutlastTheAttemptsEndAsUnavailable() {
        int[] attempts = {0};
        assertThatThrownBy(() -> calls.run("create pod p", () -> {
            attempts[0]++;
            throw error(503);
        })).isInstanceOf(KubernetesUnavailableException.class).hasMessageContaining("create pod p failed 3 times")
                .hasMessageContaining("HTTP 503");
        assertThat(attempts[0]).isEqualTo(3);
    }

    @Test
    void refusalsAreNotRetriedAndCarryTheApiServersReason() {
        int[] attempts = {0};
        assertThatThrownBy(() -> calls.run("create pod p in ns", () -> {
            attempts[0]++;
            throw new ApiException(403, Map.of(), "{\"kind\":\"Status\",\"message\":\"pods is forbidden: User \\\"system:serviceaccount:t:t\\\" cannot create resource\"}");
        })).isInstanceOfSatisfying(KubernetesRefusedException.class, e -> {
            assertThat(e.code()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("create pod p in ns: Tasklane's service account is not allowed to do this (HTTP 403): "
                    + "pods is forbidden: User \"system:serviceaccount:t:t\" cannot create resource");
        });
        assertThat(attempts[0]).isEqualTo(1);
    }

    private static ApiException error(int code) {
        return new ApiException(code, Map.of(), "{\"message\":\"boom\"}");
    }
}
