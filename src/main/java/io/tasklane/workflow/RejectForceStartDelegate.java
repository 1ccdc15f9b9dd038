package io.tasklane.workflow;

import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the rejection" of a force-start: nothing is killed and the pin stays. */
@Component("rejectForceStart")
class RejectForceStartDelegate implements JavaDelegate {

    private final ForceStartService forceStarts;

    RejectForceStartDelegate(ForceStartService forceStarts) {
        this.forceStarts = forceStarts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        forceStarts.reject(new ForceStartId(execution.getProcessBusinessKey()), (String) execution.getVariable(AdminVariables.DECIDED_BY));
    }
}
