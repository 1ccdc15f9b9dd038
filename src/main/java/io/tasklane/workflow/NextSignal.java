package io.tasklane.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.RunInstance;
import io.tasklane.task.TaskKind;
import io.tasklane.task.TaskRun;

/**
 * Which message moves a run's process on, from what the database says about the run and what the
 * process waits for. A pure function: the same facts always give the same message, so delivering
 * it again after a crash or a lost notification is safe.
 */
final class NextSignal {

    private NextSignal() {
    }

    static Optional<String> decide(TaskRun run, List<RunInstance> instances, Set<String> waitingFor) {
        boolean anyFailed = instances.stream().anyMatch(i -> i.state() == InstanceState.FAILED || i.state() == InstanceState.LOST);
        if (waitingFor.contains(RunVariables.REPLICA_FAILED) && anyFailed) {
            return Optional.of(RunVariables.REPLICA_FAILED);
        }
        boolean complete = !instances.isEmpty() && instances.size() == run.replicas();
        if (waitingFor.contains(RunVariables.REPLICAS_READY) && complete && instances.stream().allMatch(i -> i.state().isUp(run.kind()))) {
            return Optional.of(RunVariables.REPLICAS_READY);
        }
        if (waitingFor.contains(RunVariables.REPLICAS_EXITED) && allExitedSuccessfully(run, instances)) {
            return Optional.of(RunVariables.REPLICAS_EXITED);
        }
        if (waitingFor.contains(RunVariables.CAPACITY_GRANTED) && run.admitted()) {
            return Optional.of(RunVariables.CAPACITY_GRANTED);
        }
        return Optional.empty();
    }

    /** A job all of whose replicas exited with code 0: it succeeded. */
    static boolean allExitedSuccessfully(TaskRun run, List<RunInstance> instances) {
        return run.kind() == TaskKind.JOB && !instances.isEmpty() && instances.size() == run.replicas()
                && instances.stream().allMatch(i -> i.state() == InstanceState.EXITED);
    }

}
