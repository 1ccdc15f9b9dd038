package io.tasklane.task;

/** When a job with roles has succeeded. */
public enum SuccessPolicy {
    /** Every replica of every role exited with code 0. */
    ALL,
    /** Every replica of the chief role exited with code 0; the others are then stopped. */
    CHIEF
}
