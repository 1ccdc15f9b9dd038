package io.tasklane.workflow;

import io.tasklane.schedule.ResizeSignals;
import io.tasklane.schedule.RunResizer;
import io.tasklane.task.RunId;
import io.tasklane.task.RunProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Delivers ResizeRequested and GrowGranted to runs' processes by business key (the run id). Also told
 * of every committed change of a run (like {@link RunProgress}): a run whose grow was just granted gets
 * GrowGranted. What is lost to a race is delivered again by {@link ResizeSweeper}.
 */
@Component
class CamundaResizeSignals implements ResizeSignals, RunProgressListener {

    private static final Logger log = LoggerFactory.getLogger(CamundaResizeSignals.class);

    private final Correlations correlations;
    private final RunResizer resizer;

    CamundaResizeSignals(Correlations correlations, @Lazy RunResizer resizer) {
        this.correlations = correlations;
        this.resizer = resizer;
    }

    @Override
    public void requestResize(RunId runId) {
        deliver(runId, ScheduleVariables.RESIZE_REQUESTED);
    }

    @Override
    public void growSettled(RunId runId) {
        deliver(runId, ScheduleVariables.GROW_GRANTED);
    }

    @Override
    public void runChanged(String runId) {
        RunId id = new RunId(runId);
        if (resizer.growSettled(id)) {
            growSettled(id);
        }
    }

    private void deliver(RunId runId, String message) {
        if (correlations.deliver(message, runId.value(), java.util.Map.of()).isEmpty()) {
            log.warn("Could not deliver {} to run {} now; the sweep delivers it later", message, runId);
        }
    }
}
