package io.tasklane.queue;

import java.util.Arrays;
import java.util.List;

/**
 * One reason a task waits, or one way it would start sooner: what it is ({@link #kind}), with the figures it is
 * told with, in the order its message ({@code why.<kind>}) uses them. Pages put it in words; the domain decides it.
 */
public record WaitReason(Kind kind, List<Object> arguments) {

    public enum Kind {
        // Why it waits, most decisive first (the order reasons are ranked in).
        /** A replica needs more GPUs than any node of the cluster has: it can never start here as it is. */
        NEVER_FITS,
        /** Another task is pinned at the head of the queue; nothing else starts on the cluster before it. */
        PINNED_AHEAD,
        /** The same, for a task of a project the caller may not see (its name is not told). */
        PINNED_AHEAD_HIDDEN,
        /** Its project's quota on the cluster: admitting it would take the project over the SKUs it may hold. */
        QUOTA_EXCEEDED,
        /** Fewer GPUs are free on the cluster than the task needs in all. */
        NOT_ENOUGH_FREE,
        /** Enough GPUs are free in all, but not enough on one node for one replica (a gang needs each whole). */
        FRAGMENTED,
        /** Runs ahead of it in the queue start first. */
        RUNS_AHEAD,
        /** Its cluster admits strictly in order, and runs ahead of it wait. */
        RUNS_AHEAD_STRICT,
        /** Nothing holds it back: the next dispatch pass starts it. */
        FITS_NOW,
        /** Not queued: it starts when its schedule fires next. */
        SCHEDULE_NOT_DUE,
        /** Not queued, and nothing scheduled: it starts when someone starts it. */
        NOT_QUEUED,

        // What would start it sooner.
        /** The same GPUs in all as more, smaller replicas would start now. */
        SPLIT_REPLICAS,
        /** Fewer SKUs per replica (same number of replicas) would start now. */
        FEWER_SKUS_PER_REPLICA,
        /** Another cluster granted to the caller has room for it now. */
        OTHER_CLUSTER
    }

    public WaitReason {
        arguments = List.copyOf(arguments);
    }

    static WaitReason of(Kind kind, Object... arguments) {
        return new WaitReason(kind, Arrays.asList(arguments));
    }

    /** The message key the reason is told with. */
    public String messageKey() {
        return "why." + kind.name();
    }
}
