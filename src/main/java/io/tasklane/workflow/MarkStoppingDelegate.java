package io.tasklane.workflow;

import io.tasklane.task.RunService;
import io.tasklane.task.TaskState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mark the run as stopping": the run is STOPPING until its replicas are down, then ends as the request said
 * ({@code stopAs}). Processes deployed before stop and kill became one request say it as the task's input instead.
 */
@Component("markStopping")
class MarkStoppingDelegate implements JavaDelegate {

    private final RunService runs;

    MarkStoppingDelegate(RunService runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object outcome = requestedOutcome(execution);
        execution.getProcessInstance().setVariable(RunVariables.OUTCOME, outcome);
        execution.getProcessInstance().setVariable(RunVariables.REASON_CODE, outcome);
        // The run keeps the reason it was asked to stop or be killed with ("stopped by alice").
        runs.markStopping(RunIds.of(execution), null);
    }

    /** STOPPED or KILLED, as the request said; a request that says nothing (sent over engine-rest) stops. */
    static Object requestedOutcome(DelegateExecution execution) {
        Object outcome = execution.getVariable(RunVariables.STOP_AS);
        if (outcome == null) {
            outcome = execution.getVariableLocal(RunVariables.OUTCOME_STATE_INPUT);
        }
        return outcome != null ? outcome : TaskState.STOPPED.name();
    }
}
