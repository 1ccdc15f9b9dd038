package io.tasklane.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On reaching an outcome event ("Succeeded", "Failed: ..."): remembers the final state and reason code
 * given as the event's inputs, for "Record the final state" after the clean-up.
 */
@Component("recordOutcome")
class RecordOutcomeListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        execution.getProcessInstance().setVariable(RunVariables.OUTCOME, execution.getVariableLocal(RunVariables.OUTCOME_STATE_INPUT));
        execution.getProcessInstance().setVariable(RunVariables.REASON_CODE, execution.getVariableLocal(RunVariables.OUTCOME_CODE_INPUT));
    }
}
