package io.tasklane.workflow;

import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Plan the victims": sets {@code possible}; an impossible force-start is recorded with its reason. */
@Component("planVictims")
class PlanVictimsDelegate implements JavaDelegate {

    private final ForceStartService forceStarts;

    PlanVictimsDelegate(ForceStartService forceStarts) {
        this.forceStarts = forceStarts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(AdminVariables.POSSIBLE, forceStarts.plan(new ForceStartId(execution.getProcessBusinessKey())));
    }
}
