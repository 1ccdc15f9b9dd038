package io.tasklane.workflow;

import java.time.Duration;

import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the timeout": the pinned task did not get its GPUs in time; {@code outcome} says why, for Cockpit. */
@Component("timeOutForceStart")
class TimeOutForceStartDelegate implements JavaDelegate {

    private final ForceStartService forceStarts;

    TimeOutForceStartDelegate(ForceStartService forceStarts) {
        this.forceStarts = forceStarts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(AdminVariables.OUTCOME, forceStarts.timeOut(new ForceStartId(execution.getProcessBusinessKey()),
                Duration.parse((String) execution.getVariable(AdminVariables.WAIT_TIMEOUT))));
    }
}
