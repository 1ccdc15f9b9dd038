package io.tasklane.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tasklane.task.Task;
import io.tasklane.task.TaskSpec;
import io.tasklane.task.TaskState;

/** A task as the API shows it: its configuration fields at top level, then the read-only ones. */
record TaskResponse(String id, @JsonUnwrapped TaskSpec spec, TaskState state, boolean pinned, String creator,
                    Instant createdAt, Instant updatedAt, boolean archived) {

    static TaskResponse of(Task task) {
        return new TaskResponse(task.id().value(), task.spec(), task.state(), task.pinned(), task.creator(),
                task.createdAt(), task.updatedAt(), task.archived());
    }
}
