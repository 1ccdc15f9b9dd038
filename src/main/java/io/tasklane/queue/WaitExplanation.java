package io.tasklane.queue;

import java.time.Duration;
import java.util.List;

/**
 * Why a task waits, as the "Why is it waiting" panel shows it: its place in its cluster's queue (null when it is not
 * queued) out of how many, how long it has waited, the reasons ranked most decisive first, and what would start it
 * sooner, and when it is expected to start ({@code expected}, null when it is not queued).
 */
public record WaitExplanation(Integer position, int queueLength, Duration waited, List<WaitReason> reasons,
                              List<WaitReason> sooner, StartEstimate expected) {

    public WaitExplanation {
        reasons = List.copyOf(reasons);
        sooner = List.copyOf(sooner);
    }

    public boolean queued() {
        return position != null;
    }
}
