package io.tasklane.queue;

import java.time.Instant;

/**
 * When a queued run is expected to get its GPUs, and what that rests on: {@code expectedStartAt} (null when unknown),
 * the {@link Basis} of the ends it waits for, how many runs must end first ({@code runsEnding}), and, when unknown,
 * {@link Unknown why}.
 */
public record StartEstimate(Instant expectedStartAt, Basis basis, int runsEnding, Unknown unknown) {

    /** What the run ends the estimate waits for were taken from. */
    public enum Basis {
        /** Nothing has to end: it fits now. */
        NOW,
        /** Every run ending first ends at its active deadline. */
        DEADLINES,
        /** Every run ending first ends after the median time its task's earlier runs held their GPUs. */
        MEDIAN_RUNTIME,
        /** Some of each. */
        MIXED,
        /** Nothing bounds the wait; {@link Unknown} says why. */
        UNKNOWN
    }

    /** Why no start time can be given. */
    public enum Unknown {
        /** A run holding GPUs it needs has neither an active deadline nor earlier runs of its task to go by. */
        UNBOUNDED_HOLDER,
        /** It does not fit the cluster's schedulable nodes even when all of them are free. */
        NEVER_FITS,
        /** It needs more SKUs than its project's quota on the cluster allows. */
        QUOTA,
        /** A run ahead of it that never starts (pinned, or the head under strict FIFO) keeps it waiting. */
        BLOCKED_AHEAD,
        /** Only the first places of a long queue are estimated. */
        TOO_FAR_BACK
    }

    static StartEstimate at(Instant at, int deadlineEnds, int medianEnds) {
        Basis basis = deadlineEnds + medianEnds == 0 ? Basis.NOW
                : medianEnds == 0 ? Basis.DEADLINES : deadlineEnds == 0 ? Basis.MEDIAN_RUNTIME : Basis.MIXED;
        return new StartEstimate(at, basis, deadlineEnds + medianEnds, null);
    }

    static StartEstimate unknown(Unknown why) {
        return new StartEstimate(null, Basis.UNKNOWN, 0, why);
    }

    public boolean known() {
        return expectedStartAt != null;
    }
}
