package io.tasklane.task;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a task (and a run) is in its lifecycle; see DESIGN.md for the meaning of each. The named sets
 * below are the one definition of which states allow what; Java and SQL both read them from here.
 */
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

    /** Holds or waits for GPUs: may not be edited, archived or deleted. */
    public static final Set<TaskState> ACTIVE = setOf(QUEUED, STARTING, RUNNING, STOPPING);
    /** A run's end: nothing moves it any more. */
    public static final Set<TaskState> FINAL = setOf(STOPPED, KILLED, FAILED, SUCCEEDED);
    /** A start opens a new run from these. */
    public static final Set<TaskState> STARTABLE = setOf(CREATED, STOPPED, KILLED, FAILED, SUCCEEDED);
    /** A stop (or a kill) is taken in these. */
    public static final Set<TaskState> STOPPABLE = setOf(QUEUED, STARTING, RUNNING);
    /** A daily window changes the replica range of a run in these. */
    public static final Set<TaskState> RESIZABLE = setOf(QUEUED, STARTING, RUNNING);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    /** The states as an SQL list for {@code state in ...}, e.g. {@code ('QUEUED', 'STARTING')}. */
    public static String sqlList(Set<TaskState> states) {
        return states.stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    private static Set<TaskState> setOf(TaskState first, TaskState... rest) {
        return Collections.unmodifiableSet(EnumSet.of(first, rest));
    }
}
