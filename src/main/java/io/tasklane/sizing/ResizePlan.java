package io.tasklane.sizing;


import io.tasklane.task.TaskState;

/**
 * What a resize does to a run, as a pure function of its size. The model: a run holds GPUs for
 * {@code maxReplicas} replicas (one allocation row per replica). Shrinking frees the GPUs of the
 * highest-numbered replicas at once. Growing adds a grow request that waits in the cluster's queue like
 * a start does, while the run keeps serving at its current size; once the dispatcher grants it, the
 * added replicas are deployed. A run still waiting in the queue simply changes the size it waits for.
 */
enum ResizePlan {
    /** Nothing asked, or the run is ending: leave it. */
    NOTHING,
    /** The run holds no GPUs yet: it waits for the new size instead. */
    RESIZE_WAITING_RUN,
    /** Fewer replicas: stop and release the highest-numbered ones now. */
    SHRINK,
    /** More replicas: queue a grow for the added ones. */
    GROW,
    /** Same replica count: only the lower bound changes (and a waiting grow is withdrawn). */
    BOUNDS_ONLY;


    static ResizePlan of(RunSize run) {
        if (run.targetMax() == null || run.stopRequested() || !TaskState.RESIZABLE.contains(run.state())) {
            return NOTHING;
        }
        if (run.state() == TaskState.QUEUED && !run.admitted()) {
            return RESIZE_WAITING_RUN;
        }
        int wanted = run.targetMax();
        if (wanted < run.replicas()) {
            return SHRINK;
        }
        return wanted > run.replicas() ? GROW : BOUNDS_ONLY;
    }
}
