package io.tasklane.task;

import java.util.Set;

/** A SERVICE runs until stopped and has an endpoint; a JOB runs to completion. */
public enum TaskKind {
    SERVICE(Set.of("READY")),
    JOB(Set.of("STARTED", "EXITED"));

    private final Set<String> upReplicaStates;

    TaskKind(Set<String> upReplicaStates) {
        this.upReplicaStates = upReplicaStates;
    }

    /**
     * The replica states (names of the runtime's instance states) in which a replica of this kind counts
     * as up: a job's once it runs (even if it already ended well), a service's once it serves. The one
     * definition that both the runtime's instance states and recovery's SQL read.
     */
    public Set<String> upReplicaStates() {
        return upReplicaStates;
    }
}
