package io.tasklane.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tasklane.task.Task;
import io.tasklane.task.TaskSpec;
import io.tasklane.task.TaskState;

/** A task as the API shows it: its configuration fields at top level, then the read-only ones. */
record TaskResponse(String id, @JsonUnwrapped TaskSpec spec, TaskState state, boolean pinned, String creator,
                    Instant createdAt, Instant updatedAt, boolean archived, String currentRunId, Integer queuePosition,
                    ScheduleDtos.ScheduleSummary schedule) {

    static TaskResponse of(Task task) {
        return of(task, null);
    }

    /** With the task's place in its cluster's queue, while it waits there. */
    static TaskResponse of(Task task, Integer queuePosition) {
        return new TaskResponse(task.id().value(), task.spec(), task.state(), task.pinned(), task.creator(),
                task.createdAt(), task.updatedAt(), task.archived(),
                task.currentRunId() == null ? null : task.currentRunId().value(), queuePosition, null);
    }

    /** With the task's schedule and its next fire (shown on a single task, not in lists). */
    TaskResponse withSchedule(ScheduleDtos.ScheduleSummary summary) {
        return new TaskResponse(id, spec, state, pinned, creator, createdAt, updatedAt, archived, currentRunId, queuePosition, summary);
    }
}
