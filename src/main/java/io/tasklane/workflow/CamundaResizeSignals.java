package io.tasklane.workflow;

import io.tasklane.sizing.GrowSettledListener;
import io.tasklane.sizing.ResizeSignals;
import io.tasklane.task.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers ResizeRequested and GrowGranted to runs' processes by business key (the run id): GrowGranted
 * when a dispatch pass gave a waiting grow its GPUs, or a resize withdrew it. What is lost to a race is
 * delivered again by {@link ResizeSweeper}.
 */
@Component
class CamundaResizeSignals implements ResizeSignals, GrowSettledListener {

    private static final Logger log = LoggerFactory.getLogger(CamundaResizeSignals.class);

    private final Correlations correlations;

    CamundaResizeSignals(Correlations correlations) {
        this.correlations = correlations;
    }

    @Override
    public void requestResize(RunId runId) {
        deliver(runId, RunVariables.RESIZE_REQUESTED);
    }

    @Override
    public void growSettled(RunId runId) {
        deliver(runId, RunVariables.GROW_GRANTED);
    }

    @Override
    public void growSettled(String runId) {
        growSettled(new RunId(runId));
    }

    private void deliver(RunId runId, String message) {
        if (correlations.deliver(message, runId.value(), java.util.Map.of()).isEmpty()) {
            log.warn("Could not deliver {} to run {} now; the sweep delivers it later", message, runId);
        }
    }
}
