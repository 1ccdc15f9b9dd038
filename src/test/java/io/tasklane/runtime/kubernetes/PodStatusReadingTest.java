package io.tasklane.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.kubernetes.client.openapi.models.V1ContainerState;
import io.kubernetes.client.openapi.models.V1ContainerStateRunning;
import io.kubernetes.client.openapi.models.V1ContainerStateTerminated;
import io.kubernetes.client.openapi.models.V1ContainerStateWaiting;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodStatus;
import io.tasklane.runtime.kubernetes.ReplicaObservation.Phase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PodStatusReadingTest {

    record Case(String name, V1PodStatus status, boolean service, Phase phase, Integer exitCode, String diagnostic) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("no status yet", null, true, Phase.PENDING, null, null),
                new Case("scheduling failed", pending().conditions(List.of(new V1PodCondition().type("PodScheduled").status("False")
                        .reason("Unschedulable").message("0/3 nodes are available"))), true, Phase.PENDING, null,
                        "Unschedulable: 0/3 nodes are available"),
                new Case("creating the container", pending().containerStatuses(List.of(container(waiting("ContainerCreating", null)))),
                        true, Phase.PENDING, null, "ContainerCreating"),
                new Case("image pull back-off", pending().containerStatuses(List.of(container(waiting("ImagePullBackOff",
                        "Back-off pulling image")))), true, Phase.FAILED, null,
                        "ImagePullBackOff: image 'registry.example/app:1' could not be pulled (Back-off pulling image)"),
                new Case("running service not ready", running(false), true, Phase.STARTED, null, null),
                new Case("running service ready", running(true), true, Phase.READY, null, null),
                new Case("running job", running(false), false, Phase.STARTED, null, null),
                new Case("crash loop", new V1PodStatus().phase("Running").containerStatuses(List.of(container(waiting("CrashLoopBackOff", "back-off"))
                        .restartCount(4).lastState(new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(2).reason("Error"))))),
                        true, Phase.FAILED, 2, "CrashLoopBackOff: restarted 4 time(s); last exit code 2 (Error)"),
                new Case("job succeeded", new V1PodStatus().phase("Succeeded").containerStatuses(List.of(container(terminated(0, "Completed")))),
                        false, Phase.EXITED, 0, null),
                new Case("job failed", new V1PodStatus().phase("Failed").containerStatuses(List.of(container(terminated(3, "Error")))),
                        false, Phase.EXITED, 3, null),
                new Case("out of memory", new V1PodStatus().phase("Failed").containerStatuses(List.of(container(terminated(137, "OOMKilled")))),
                        false, Phase.FAILED, 137, "OOMKilled: the container ran out of memory (exit code 137)"),
                new Case("evicted", new V1PodStatus().phase("Failed").reason("Evicted").message("The node was low on resource: memory."),
                        false, Phase.FAILED, null, "Evicted: The node was low on resource: memory.")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsWhatThePodSays(Case c) {
        ReplicaObservation seen = PodStatusReading.read(new V1Pod().status(c.status()), c.service());

        assertThat(seen.phase()).isEqualTo(c.phase());
        assertThat(seen.exitCode()).isEqualTo(c.exitCode());
        assertThat(seen.diagnostic()).isEqualTo(c.diagnostic());
    }

    private static V1PodStatus pending() {
        return new V1PodStatus().phase("Pending");
    }

    private static V1PodStatus running(boolean ready) {
        return new V1PodStatus().phase("Running").conditions(List.of(new V1PodCondition().type("Ready").status(ready ? "True" : "False")))
                .containerStatuses(List.of(container(new V1ContainerState().running(new V1ContainerStateRunning()))));
    }

    private static V1ContainerStatus container(V1ContainerState state) {
        return new V1ContainerStatus().name(ReplicaPodFactory.CONTAINER).image("registry.example/app:1").state(state);
    }

    private static V1ContainerState waiting(String reason, String message) {
        return new V1ContainerState().waiting(new V1ContainerStateWaiting().reason(reason).message(message));
    }

    private static V1ContainerState terminated(int code, String reason) {
        return new V1ContainerState().terminated(new V1ContainerStateTerminated().exitCode(code).reason(reason));
    }
}
