package io.tasklane.capacity;

/** How a cluster's queue admits runs when the head does not fit. */
public enum QueuePolicy {
    /** A smaller run behind a head that does not fit may start (never ahead of a pinned task). */
    BEST_EFFORT_FIFO,
    /** Nothing starts ahead of the head of the queue. */
    STRICT_FIFO
}
