package io.tasklane.task;

import java.time.Instant;

import io.tasklane.common.TaskId;

/** One entry of a task's append-only history: who did what, when, from which state to which, and why. */
public record TaskEvent(long id, TaskId taskId, Instant at, String actor, String type, TaskState fromState,
                        TaskState toState, String reason) {

    public static final String CREATED = "CREATED";
    public static final String EDITED = "EDITED";
    public static final String COPIED_FROM = "COPIED_FROM";
    public static final String ARCHIVED = "ARCHIVED";
    public static final String UNARCHIVED = "UNARCHIVED";
    public static final String DELETED = "DELETED";
    public static final String STATE_CHANGED = "STATE_CHANGED";
    public static final String PINNED = "PINNED";
    public static final String UNPINNED = "UNPINNED";
    /** A replica process of one of the task's runs that Tasklane had not recorded was found running and ended. */
    public static final String ORPHAN_REAPED = "ORPHAN_REAPED";
}
