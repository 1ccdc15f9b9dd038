package io.tasklane.web;

import java.util.List;

import io.tasklane.task.TaskState;

/** The tabs of the Tasks page: tasks by state, and the archived ones apart. */
public enum TaskTab {
    ALL(List.of(), false),
    IDLE(List.copyOf(TaskState.STARTABLE), false),
    QUEUED(List.of(TaskState.QUEUED), false),
    STARTING(List.of(TaskState.STARTING), false),
    RUNNING(List.of(TaskState.RUNNING), false),
    STOPPING(List.of(TaskState.STOPPING), false),
    ARCHIVED(List.of(), true);

    private final List<TaskState> states;
    private final boolean archived;

    TaskTab(List<TaskState> states, boolean archived) {
        this.states = states;
        this.archived = archived;
    }

    List<TaskState> states() {
        return states;
    }

    boolean archived() {
        return archived;
    }

    /** The name in addresses ({@code ?tab=queued}) and message keys ({@code tab.queued}). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static TaskTab of(String key) {
        for (TaskTab tab : values()) {
            if (tab.key().equals(key)) {
                return tab;
            }
        }
        return ALL;
    }
}
