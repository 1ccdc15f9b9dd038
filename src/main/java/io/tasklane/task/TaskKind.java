package io.tasklane.task;

/** A SERVICE runs until stopped and has an endpoint; a JOB runs to completion. */
public enum TaskKind {
    SERVICE,
    JOB
}
