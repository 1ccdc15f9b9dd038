package io.tasklane.workflow;

import io.tasklane.preemption.ConfirmationResult;
import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Plan again and kill the victims": each victim's own task-run process gets StopRequested as KILLED, unless the new
 * plan kills a run the admin did not confirm ({@code planChanged}: the process asks again).
 */
@Component("killVictims")
class KillVictimsDelegate implements JavaDelegate {

    private final ForceStartService forceStarts;

    KillVictimsDelegate(ForceStartService forceStarts) {
        this.forceStarts = forceStarts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConfirmationResult result = forceStarts.confirm(new ForceStartId(execution.getProcessBusinessKey()),
                (String) execution.getVariable(AdminVariables.DECIDED_BY));
        execution.setVariable(AdminVariables.POSSIBLE, result == ConfirmationResult.KILLING);
        execution.setVariable(AdminVariables.PLAN_CHANGED, result == ConfirmationResult.PLAN_CHANGED);
    }
}
