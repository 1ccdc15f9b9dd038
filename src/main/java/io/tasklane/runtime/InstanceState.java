package io.tasklane.runtime;

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

    public boolean isOver() {
        return this == EXITED || this == FAILED || this == STOPPED || this == LOST;
    }
}
