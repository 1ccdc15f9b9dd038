package io.tasklane.workflow;

import io.tasklane.queue.PinRequestId;
import io.tasklane.queue.PinService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the rejection" of a pin request. */
@Component("rejectPin")
class RejectPinDelegate implements JavaDelegate {

    private final PinService pins;

    RejectPinDelegate(PinService pins) {
        this.pins = pins;
    }

    @Override
    public void execute(DelegateExecution execution) {
        pins.reject(new PinRequestId(execution.getProcessBusinessKey()), (String) execution.getVariable(AdminVariables.DECIDED_BY),
                (String) execution.getVariable(AdminVariables.COMMENT));
    }
}
