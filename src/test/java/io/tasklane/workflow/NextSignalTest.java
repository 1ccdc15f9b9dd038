package io.tasklane.workflow;

import static io.tasklane.task.TaskRunBuilder.aRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.tasklane.common.RunId;
import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.RunInstance;
import io.tasklane.task.Framework;
import io.tasklane.task.RunRoles;
import io.tasklane.task.SuccessPolicy;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskRun;
import io.tasklane.task.TaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NextSignalTest {

    static final Set<String> QUEUE = Set.of(RunVariables.CAPACITY_GRANTED);
    static final Set<String> STARTING = Set.of(RunVariables.REPLICAS_READY, RunVariables.REPLICA_FAILED);
    static final Set<String> RUNNING = Set.of(RunVariables.REPLICAS_EXITED, RunVariables.REPLICA_FAILED);

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("queued and not admitted: nothing", job(false), states(), QUEUE, null),
                argumentSet("queued and admitted: capacity granted", job(true), states(), QUEUE, RunVariables.CAPACITY_GRANTED),
                argumentSet("job replicas started: ready", job(true), states(InstanceState.STARTED, InstanceState.STARTED), STARTING,
                        RunVariables.REPLICAS_READY),
                argumentSet("job replica already exited well: still ready", job(true), states(InstanceState.EXITED, InstanceState.STARTED),
                        STARTING, RunVariables.REPLICAS_READY),
                argumentSet("not every replica recorded yet: nothing", job(true), states(InstanceState.STARTED), STARTING, null),
                argumentSet("service replica started but not serving: nothing", service(), states(InstanceState.READY, InstanceState.STARTED),
                        STARTING, null),
                argumentSet("service replicas serving: ready", service(), states(InstanceState.READY, InstanceState.READY), STARTING,
                        RunVariables.REPLICAS_READY),
                argumentSet("a failure wins over readiness", job(true), states(InstanceState.FAILED, InstanceState.STARTED), STARTING,
                        RunVariables.REPLICA_FAILED),
                argumentSet("a lost replica is a failure", job(true), states(InstanceState.LOST, InstanceState.EXITED), RUNNING,
                        RunVariables.REPLICA_FAILED),
                argumentSet("all job replicas exited well: exited", job(true), states(InstanceState.EXITED, InstanceState.EXITED), RUNNING,
                        RunVariables.REPLICAS_EXITED),
                argumentSet("one job replica still running: nothing", job(true), states(InstanceState.EXITED, InstanceState.STARTED), RUNNING,
                        null),
                argumentSet("success policy CHIEF: the chief exited well, the workers still run: exited", roles(SuccessPolicy.CHIEF),
                        states(InstanceState.EXITED, InstanceState.STARTED, InstanceState.STARTED), RUNNING, RunVariables.REPLICAS_EXITED),
                argumentSet("success policy CHIEF: a worker exited well, the chief still runs: nothing", roles(SuccessPolicy.CHIEF),
                        states(InstanceState.STARTED, InstanceState.EXITED, InstanceState.EXITED), RUNNING, null),
                argumentSet("success policy CHIEF: a worker failing still fails the run", roles(SuccessPolicy.CHIEF),
                        states(InstanceState.EXITED, InstanceState.FAILED, InstanceState.STARTED), RUNNING, RunVariables.REPLICA_FAILED),
                argumentSet("success policy ALL: the chief alone is not enough", roles(SuccessPolicy.ALL),
                        states(InstanceState.EXITED, InstanceState.STARTED, InstanceState.EXITED), RUNNING, null),
                argumentSet("a message the process does not wait for is never sent", job(true),
                        states(InstanceState.EXITED, InstanceState.EXITED), Set.of(), null));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decidesTheMessageFromTheFactsAndTheWait(TaskRun run, List<RunInstance> instances, Set<String> waiting, String expected) {
        assertThat(NextSignal.decide(run, instances, waiting)).isEqualTo(Optional.ofNullable(expected));
    }

    static Stream<Arguments> waits() {
        List<RunInstance> launched = states(InstanceState.STARTED, InstanceState.STARTED);
        return Stream.of(
                argumentSet("queued: for its GPUs", inState(TaskState.QUEUED, false), states(), QUEUE),
                argumentSet("starting, not launched yet: for nothing (the deploy job runs)", inState(TaskState.STARTING, false), states(), Set.of()),
                argumentSet("starting, launched: for readiness or a failure", inState(TaskState.STARTING, false), launched, STARTING),
                argumentSet("running: for the end or a failure", inState(TaskState.RUNNING, false), launched, RUNNING),
                argumentSet("asked to stop: for nothing from its replicas", inState(TaskState.RUNNING, true), launched, Set.of()),
                argumentSet("stopping: for nothing", inState(TaskState.STOPPING, false), launched, Set.of()),
                argumentSet("over: for nothing", inState(TaskState.SUCCEEDED, false), launched, Set.of()));
    }

    @ParameterizedTest
    @MethodSource("waits")
    void readsWhatTheProcessWaitsForFromTheRun(TaskRun run, List<RunInstance> instances, Set<String> expected) {
        assertThat(NextSignal.waitsOf(run, instances)).isEqualTo(expected);
    }

    static TaskRun inState(TaskState state, boolean stopRequested) {
        return aRun().replicas(2).state(state).admittedAt(Instant.EPOCH).stopRequestedAt(stopRequested ? Instant.EPOCH : null).build();
    }

    static TaskRun job(boolean admitted) {
        return run(TaskKind.JOB, admitted);
    }

    /** A job of a master and 2 workers, running. */
    static TaskRun roles(SuccessPolicy policy) {
        return aRun().roles(Framework.CUSTOM, policy, new RunRoles.Role("master", 1, 1), new RunRoles.Role("worker", 2, 1))
                .state(TaskState.RUNNING).admittedAt(Instant.EPOCH).build();
    }

    static TaskRun service() {
        return run(TaskKind.SERVICE, true);
    }

    static TaskRun run(TaskKind kind, boolean admitted) {
        return aRun().kind(kind).replicas(2).state(TaskState.STARTING).admittedAt(admitted ? Instant.EPOCH : null).build();
    }

    static List<RunInstance> states(InstanceState... states) {
        return IntStream.range(0, states.length).mapToObj(i -> new RunInstance(new RunId("r1"), i, "n", List.of(i), states[i], null, null,
                null, null, null, null, null, null)).toList();
    }
}
