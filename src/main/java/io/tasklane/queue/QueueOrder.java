package io.tasklane.queue;

import java.util.Comparator;

/**
 * The one definition of a cluster's queue order: pinned first, then higher priority, then earlier submit
 * time, then run id. It exists twice, as a comparator and as the SQL {@code order by} of the dispatcher's
 * lazy read (where the pinned run is read apart, first); both live here, and {@code QueueOrderTest} runs
 * the two over the same generated queues and demands the same order.
 */
public final class QueueOrder {

    /** The order of waiting runs after the pinned one, as SQL over {@code tasklane.task_run r}. */
    static final String SQL_AFTER_PINNED = "r.priority desc, r.queued_at, r.id";

    /** The order of waiting runs after the pinned one: the same as {@link #SQL_AFTER_PINNED}. */
    static final Comparator<QueueEntry> AFTER_PINNED = Comparator.comparingInt(QueueEntry::priority).reversed()
            .thenComparing(QueueEntry::queuedAt)
            .thenComparing(entry -> entry.runId().value());

    /** The whole queue order. */
    public static final Comparator<QueueEntry> ORDER = Comparator.comparing(QueueEntry::pinned).reversed()
            .thenComparing(AFTER_PINNED);

    private QueueOrder() {
    }
}
