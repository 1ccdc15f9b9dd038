package io.tasklane.queue;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.task.RunId;
import io.tasklane.task.RunRepository;
import org.springframework.stereotype.Component;

/** Frees a run's GPUs and asks for a dispatch pass over its cluster, so its queue moves once this commits. */
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
        if (allocations.release(runId.value()) > 0) {
            runs.findById(runId).ifPresent(run -> dispatch.request(run.cluster()));
        }
    }
}
