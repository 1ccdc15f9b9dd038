package io.tasklane.api;

import io.tasklane.common.NotFoundException;
import io.tasklane.task.TaskId;

/** Ids from paths: one that cannot exist is answered 404 like an unknown one. */
final class ApiIds {

    private ApiIds() {
    }

    static TaskId task(String id) {
        if (id == null || id.isBlank() || id.length() > 32) {
            throw new NotFoundException("task", String.valueOf(id));
        }
        return new TaskId(id);
    }
}
