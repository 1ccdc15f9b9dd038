package io.tasklane.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.tasklane.common.RunId;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RuntimeRegistryTest {

    @Autowired
    RuntimeRegistry registry;
    @Autowired
    List<TaskRuntime> runtimes;

    @Test
    void everyRuntimeKindIsRegisteredExactlyOnce() {
        assertThat(registry.kinds()).containsExactlyInAnyOrder("local", "simulated", "kubernetes");
        assertThat(runtimes).extracting(TaskRuntime::kind).doesNotHaveDuplicates().hasSameSizeAs(registry.kinds());
        runtimes.forEach(runtime -> assertThat(registry.get(runtime.kind())).isSameAs(runtime));
    }

    @Test
    void onlyTheKubernetesRuntimeKeepsADeployedRunAtItsSize() {
        assertThat(registry.get("local").resizesRunningRuns()).isTrue();
        assertThat(registry.get("simulated").resizesRunningRuns()).isTrue();
        assertThat(registry.get("kubernetes").resizesRunningRuns())
                .as("stopping some replicas would take the run's Service and RayService down").isFalse();
    }

    @Test
    void aSecondRuntimeOfOneKindIsAStartUpError() {
        TaskRuntime impostor = new TaskRuntime() {
            public String kind() { return "local"; }
            public LaunchedRun launch(LaunchRequest request) { throw new UnsupportedOperationException(); }
            public void stop(RunId runId, List<RunInstance> instances, Duration grace) { }
            public Optional<Path> logFile(RunInstance instance) { return Optional.empty(); }
            public boolean adopt(RunInstance instance, boolean service, InstanceListener listener) { return false; }
        };

        assertThatThrownBy(() -> new RuntimeRegistry(List.of(registry.get("local"), impostor)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two runtimes of kind 'local'");
        assertThatThrownBy(() -> registry.get("slurm")).hasMessageContaining("no runtime of kind 'slurm'");
    }
}
