package io.tasklane.workflow;

import io.tasklane.task.RunService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark the run as stopping" / "... as being killed": the run is STOPPING until its replicas are down. */
@Component("markStopping")
class MarkStoppingDelegate implements JavaDelegate {

    private final RunService runs;

    MarkStoppingDelegate(RunService runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = execution.getVariableLocal(RunVariables.OUTCOME_STATE_INPUT);
        execution.getProcessInstance().setVariable(RunVariables.OUTCOME, outcome);
        execution.getProcessInstance().setVariable(RunVariables.REASON_CODE, outcome);
        // The run keeps the reason it was asked to stop or be killed with ("stopped by alice").
        runs.markStopping(RunIds.of(execution), null);
    }
}
