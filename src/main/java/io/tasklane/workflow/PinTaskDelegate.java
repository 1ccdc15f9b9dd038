package io.tasklane.workflow;

import io.tasklane.queue.PinRequestId;
import io.tasklane.queue.PinService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Pin the task": pins it, or records why it could not be pinned (the request then ends REFUSED). */
@Component("pinTask")
class PinTaskDelegate implements JavaDelegate {

    private final PinService pins;

    PinTaskDelegate(PinService pins) {
        this.pins = pins;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pins.approve(new PinRequestId(execution.getProcessBusinessKey()), (String) execution.getVariable(AdminVariables.DECIDED_BY),
                (String) execution.getVariable(AdminVariables.COMMENT));
    }
}
