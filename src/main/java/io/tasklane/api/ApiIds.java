package io.tasklane.api;

import io.tasklane.common.AddressedIds;
import io.tasklane.common.ClusterName;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.preemption.ForceStartId;
import io.tasklane.queue.PinRequestId;

/** Ids from API paths: one that cannot exist is answered 404 like an unknown one (see AddressedIds). */
final class ApiIds {

    private ApiIds() {
    }

    static TaskId task(String id) {
        return AddressedIds.task(id);
    }

    static RunId run(String id) {
        return AddressedIds.run(id);
    }

    static PinRequestId pinRequest(String id) {
        return AddressedIds.of("pinRequest", id, PinRequestId::new);
    }

    static ForceStartId forceStart(String id) {
        return AddressedIds.of("forceStart", id, ForceStartId::new);
    }

    /** A cluster's name is its id; only a blank one cannot be a cluster's (whatever is longer is looked up). */
    static ClusterName cluster(String name) {
        if (name == null || name.isBlank()) {
            throw new NotFoundException("cluster", String.valueOf(name));
        }
        return new ClusterName(name);
    }
}
