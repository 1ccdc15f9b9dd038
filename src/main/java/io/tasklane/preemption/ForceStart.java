package io.tasklane.preemption;

import java.time.Instant;
import java.util.List;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;

/** An admin's force-start of a cluster's pinned task: the plan of victims, and what came of it. */
public record ForceStart(ForceStartId id, TaskId taskId, RunId runId, ClusterName cluster, String requestedBy, State state,
                         String outcome, String decidedBy, Instant requestedAt, Instant decidedAt, Instant finishedAt,
                         List<Victim> victims) {

    public enum State {
        PLANNING,
        /** The plan waits for an admin's "Confirm force start". */
        AWAITING_CONFIRMATION,
        /** Confirmed: the victims are being killed; the pinned task waits for the GPUs they free. */
        KILLING,
        /** The pinned task got its GPUs. */
        STARTED,
        /** No plan can fit the task; nothing was killed. */
        IMPOSSIBLE,
        /** An admin said no; nothing was killed and the pin stays. */
        REJECTED,
        /** The pinned task left the queue (stopped, unpinned) before it got its GPUs. */
        ABANDONED,
        /** Confirmed, but the pinned task did not get its GPUs within the wait timeout; the pin stays. */
        TIMED_OUT;

        public boolean open() {
            return this == PLANNING || this == AWAITING_CONFIRMATION || this == KILLING;
        }
    }

    /** A run the plan kills, described for the person who confirms. */
    public record Victim(RunId runId, TaskId taskId, String taskName, String owner, String project, int priority, int skus,
                         int gpus, List<String> nodes, Instant runningSince) {
    }

    public ForceStart withVictims(List<Victim> planned) {
        return new ForceStart(id, taskId, runId, cluster, requestedBy, state, outcome, decidedBy, requestedAt, decidedAt,
                finishedAt, List.copyOf(planned));
    }
}
