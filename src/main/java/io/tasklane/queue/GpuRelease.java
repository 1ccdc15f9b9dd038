package io.tasklane.queue;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.task.RunRepository;
import org.springframework.stereotype.Component;

/**
 * Frees a run's GPUs and lets its cluster's queue move: in this transaction when no other pass is under way
 * (the freed GPUs go to the next runs at once, with no pass of their own to ask for), else by asking for a
 * pass once this commits.
 */
@Component
public class GpuRelease {

    private final AllocationRepository allocations;
    private final RunRepository runs;
    private final Dispatcher dispatcher;
    private final DispatchRequests dispatch;

    GpuRelease(AllocationRepository allocations, RunRepository runs, Dispatcher dispatcher, DispatchRequests dispatch) {
        this.allocations = allocations;
        this.runs = runs;
        this.dispatcher = dispatcher;
        this.dispatch = dispatch;
    }

    /** Idempotent: releasing a run that holds nothing changes nothing. */
    public void release(RunId runId) {
        if (allocations.release(runId) > 0) {
            runs.findById(runId).ifPresent(run -> letQueueMove(run.cluster()));
        }
    }

    private void letQueueMove(ClusterName cluster) {
        if (dispatcher.tryDispatch(cluster, null).isEmpty()) {
            dispatch.request(cluster);
        }
    }
}
