package io.tasklane.workflow;

import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Plan again and kill the victims": each victim's own task-run process gets KillRequested. */
@Component("killVictims")
class KillVictimsDelegate implements JavaDelegate {

    private final ForceStartService forceStarts;

    KillVictimsDelegate(ForceStartService forceStarts) {
        this.forceStarts = forceStarts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(AdminVariables.POSSIBLE, forceStarts.confirm(new ForceStartId(execution.getProcessBusinessKey()),
                (String) execution.getVariable(AdminVariables.DECIDED_BY)));
    }
}
