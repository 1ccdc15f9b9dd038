package io.tasklane.queue;

import java.time.Instant;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;

/** Someone's request to pin a queued task to the head of its queue, and how it was decided. */
public record PinRequest(PinRequestId id, TaskId taskId, RunId runId, ClusterName cluster, String requestedBy, String reason,
                         State state, String outcome, String decidedBy, String comment, Instant requestedAt,
                         Instant decidedAt) {

    public enum State {
        /** Waiting for an admin's review in Tasklist. */
        PENDING,
        /** The task is pinned (or was, until it left the queue). */
        PINNED,
        /** An admin said no. */
        REJECTED,
        /** Approved, but the task could not be pinned: the outcome says why. */
        REFUSED
    }

    public boolean pending() {
        return state == State.PENDING;
    }
}
