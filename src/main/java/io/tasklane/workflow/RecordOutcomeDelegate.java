package io.tasklane.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Outcome: ...": remembers the final state and reason code given as the task's inputs, for "Record the final state". */
@Component("recordOutcome")
class RecordOutcomeDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.getProcessInstance().setVariable(RunVariables.OUTCOME, execution.getVariableLocal(RunVariables.OUTCOME_STATE_INPUT));
        execution.getProcessInstance().setVariable(RunVariables.REASON_CODE, execution.getVariableLocal(RunVariables.OUTCOME_CODE_INPUT));
    }
}
