package io.tasklane.queue;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.common.RunId;
import io.tasklane.task.RunRepository;
import org.springframework.stereotype.Component;

/**
 * Frees a run's GPUs and asks for a dispatch pass over its cluster once this commits. (Not a pass in this
 * transaction: a release runs inside the engine's transaction that ends the run's process, and holding the
 * cluster's lock through it made every other pass and start wait; the lifecycle benchmark's makespan grew
 * by a fifth.)
 */
@Component
public class GpuRelease {

    private final AllocationRepository allocations;
    private final RunRepository runs;
    private final DispatchRequests dispatch;

    GpuRelease(AllocationRepository allocations, RunRepository runs, DispatchRequests dispatch) {
        this.allocations = allocations;
        this.runs = runs;
        this.dispatch = dispatch;
    }

    /** Idempotent: releasing a run that holds nothing changes nothing. */
    public void release(RunId runId) {
        if (allocations.release(runId) > 0) {
            runs.findById(runId).ifPresent(run -> dispatch.request(run.cluster()));
        }
    }
}
