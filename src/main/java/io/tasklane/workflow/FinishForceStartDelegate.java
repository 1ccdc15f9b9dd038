package io.tasklane.workflow;

import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the outcome" once the pin ended: started, or the pinned task left the queue. */
@Component("finishForceStart")
class FinishForceStartDelegate implements JavaDelegate {

    private final ForceStartService forceStarts;

    FinishForceStartDelegate(ForceStartService forceStarts) {
        this.forceStarts = forceStarts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        forceStarts.finish(new ForceStartId(execution.getProcessBusinessKey()));
    }
}
