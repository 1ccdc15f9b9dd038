package io.tasklane.workflow;

import java.util.Map;

import io.tasklane.common.NotYetDeliverable;
import io.tasklane.common.OnCommitted;
import io.tasklane.common.RunId;
import io.tasklane.queue.GrowsGranted;
import io.tasklane.sizing.GrowWithdrawn;
import io.tasklane.sizing.ResizeRequested;
import io.tasklane.sizing.RunResizer;
import org.springframework.stereotype.Component;

/**
 * Delivers ResizeRequested and GrowGranted to runs' processes by business key (the run id): GrowGranted when
 * a dispatch pass gave a waiting grow its GPUs, or a resize withdrew it. Each is delivered again until the
 * run's process has taken it (a process busy in a step takes no message).
 */
@Component
class CamundaResizeSignals {

    private final Correlations correlations;
    private final RunResizer resizer;

    CamundaResizeSignals(Correlations correlations, RunResizer resizer) {
        this.correlations = correlations;
        this.resizer = resizer;
    }

    @OnCommitted
    void on(ResizeRequested requested) {
        correlations.deliver(RunVariables.RESIZE_REQUESTED, requested.runId().value(), Map.of());
        if (resizer.targetPending(requested.runId())) {
            throw new NotYetDeliverable("run " + requested.runId() + " has not taken its new replica range yet");
        }
    }

    @OnCommitted
    void on(GrowsGranted granted) {
        EachRun.settle(granted.runIds(), this::tryGrowSettled, "GrowGranted not heard yet");
    }

    @OnCommitted
    void on(GrowWithdrawn withdrawn) {
        growSettled(withdrawn.runId());
    }

    private void growSettled(RunId runId) {
        if (!tryGrowSettled(runId)) {
            throw new NotYetDeliverable("run " + runId + " has not heard that its grow is settled yet");
        }
    }

    /** Delivers GrowGranted; false if the run's process has still not heard it. */
    private boolean tryGrowSettled(RunId runId) {
        correlations.deliver(RunVariables.GROW_GRANTED, runId.value(), Map.of());
        return !resizer.growSettledUnheard(runId);
    }
}
