package io.tasklane.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.tasklane.runtime.InstanceState;
import io.tasklane.runtime.RunInstance;
import io.tasklane.task.SuccessPolicy;
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

    /**
     * The messages a run's process waits for, read from the run itself. Every step of the process that
     * moves the run writes its state in the same transaction, so what is committed tells where the
     * process waits: queued for its GPUs, starting once its replicas are launched, running until they
     * end. A run asked to stop waits for nothing more from its replicas (its stop takes over).
     */
    static Set<String> waitsOf(TaskRun run, List<RunInstance> instances) {
        if (run.isOver() || run.stopRequested()) {
            return Set.of();
        }
        return switch (run.state()) {
            case QUEUED -> Set.of(RunVariables.CAPACITY_GRANTED);
            // Not launched yet: the process is at "Deploy replicas", an asynchronous job.
            case STARTING -> instances.isEmpty() ? Set.of() : Set.of(RunVariables.REPLICAS_READY, RunVariables.REPLICA_FAILED);
            case RUNNING -> Set.of(RunVariables.REPLICAS_EXITED, RunVariables.REPLICA_FAILED);
            default -> Set.of();
        };
    }

    /**
     * A job that succeeded: all its replicas exited with code 0, or under success policy CHIEF those of its
     * chief role (the rest are then stopped by the run's clean-up).
     */
    static boolean allExitedSuccessfully(TaskRun run, List<RunInstance> instances) {
        if (run.kind() != TaskKind.JOB || instances.isEmpty() || instances.size() != run.replicas()) {
            return false;
        }
        if (run.hasRoles() && run.roles().successPolicy() == SuccessPolicy.CHIEF) {
            Set<Integer> chief = run.roles().chiefRanks();
            return instances.stream().filter(i -> chief.contains(i.index())).allMatch(i -> i.state() == InstanceState.EXITED);
        }
        return instances.stream().allMatch(i -> i.state() == InstanceState.EXITED);
    }

}
