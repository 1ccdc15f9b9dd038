package io.tasklane.api;

import java.util.function.Function;

import io.tasklane.common.ClusterName;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.preemption.ForceStartId;
import io.tasklane.queue.PinRequestId;

/** Ids from paths: one that cannot exist is answered 404 like an unknown one. */
final class ApiIds {

    private ApiIds() {
    }

    static TaskId task(String id) {
        return of("task", id, TaskId::new);
    }

    static RunId run(String id) {
        return of("run", id, RunId::new);
    }

    static PinRequestId pinRequest(String id) {
        return of("pinRequest", id, PinRequestId::new);
    }

    static ForceStartId forceStart(String id) {
        return of("forceStart", id, ForceStartId::new);
    }

    /** A cluster's name is its id; only a blank one cannot be a cluster's (whatever is longer is looked up). */
    static ClusterName cluster(String name) {
        if (name == null || name.isBlank()) {
            throw new NotFoundException("cluster", String.valueOf(name));
        }
        return new ClusterName(name);
    }

    private static <T> T of(String kind, String id, Function<String, T> typed) {
        if (id == null || id.isBlank() || id.length() > 32) {
            throw new NotFoundException(kind, String.valueOf(id));
        }
        return typed.apply(id);
    }
}
