package io.tasklane.task;

/** Where a task is in its lifecycle; see DESIGN.md for the meaning of each. */
public enum TaskState {
    CREATED,
    QUEUED,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    KILLED,
    FAILED,
    SUCCEEDED;

    /** An active task holds or waits for GPUs: it may not be edited, archived or deleted. */
    public boolean isActive() {
        return this == QUEUED || this == STARTING || this == RUNNING || this == STOPPING;
    }
}
