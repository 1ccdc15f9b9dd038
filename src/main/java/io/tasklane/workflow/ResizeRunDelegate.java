package io.tasklane.workflow;

import io.tasklane.sizing.RunResizer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Resize the run": applies the replica range a window asked for; {@code growQueued} if GPUs must be waited for. */
@Component("resizeRun")
class ResizeRunDelegate implements JavaDelegate {

    private final RunResizer resizer;

    ResizeRunDelegate(RunResizer resizer) {
        this.resizer = resizer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariableLocal(RunVariables.GROW_QUEUED, resizer.apply(RunIds.of(execution)));
    }
}
