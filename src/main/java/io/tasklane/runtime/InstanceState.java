package io.tasklane.runtime;

import io.tasklane.task.TaskKind;

/** Where one replica is. */
public enum InstanceState {
    /** Placed, not launched yet. */
    PENDING,
    /** Its process (or pod) runs. */
    STARTED,
    /** It serves: its port accepts connections (services only). */
    READY,
    /** It ended with exit code 0. */
    EXITED,
    /** It ended with another exit code, or a service ended at all. */
    FAILED,
    /** Tasklane stopped it. */
    STOPPED,
    /** It disappeared without an exit status (for example while Tasklane was down). */
    LOST;

    /** Whether a replica of a run of {@code kind} counts as up: a job's once it runs (even if it ended well), a service's once it serves. */
    public boolean isUp(TaskKind kind) {
        return kind.upReplicaStates().contains(name());
    }

    public boolean isOver() {
        return this == EXITED || this == FAILED || this == STOPPED || this == LOST;
    }
}
