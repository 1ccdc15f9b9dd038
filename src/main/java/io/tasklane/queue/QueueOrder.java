package io.tasklane.queue;

import java.util.Comparator;

/** Queue order of a cluster: pinned first, then higher priority, then earlier submit time, then run id. */
public final class QueueOrder {

    public static final Comparator<QueueEntry> ORDER = Comparator
            .comparing(QueueEntry::pinned).reversed()
            .thenComparing(Comparator.comparingInt(QueueEntry::priority).reversed())
            .thenComparing(QueueEntry::queuedAt)
            .thenComparing(QueueEntry::runId);

    private QueueOrder() {
    }
}
