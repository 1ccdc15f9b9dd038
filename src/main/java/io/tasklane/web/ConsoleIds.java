package io.tasklane.web;

import java.util.function.Function;

import io.tasklane.common.NotFoundException;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;

/** Ids from the console's addresses: one that cannot exist is "not found", like an unknown one. */
final class ConsoleIds {

    private ConsoleIds() {
    }

    static TaskId task(String id) {
        return of("task", id, TaskId::new);
    }

    static RunId run(String id) {
        return of("run", id, RunId::new);
    }

    private static <T> T of(String kind, String id, Function<String, T> typed) {
        if (id == null || id.isBlank() || id.length() > 32) {
            throw new NotFoundException(kind, String.valueOf(id));
        }
        return typed.apply(id);
    }
}
