package io.tasklane.workflow;

import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creating "Confirm force start": what the form shows (the pinned task and each victim), as local variables. */
@Component("confirmForceStartForm")
class ConfirmForceStartFormListener implements TaskListener {

    private final ForceStartService forceStarts;

    ConfirmForceStartFormListener(ForceStartService forceStarts) {
        this.forceStarts = forceStarts;
    }

    @Override
    public void notify(DelegateTask task) {
        forceStarts.confirmation(new ForceStartId(task.getExecution().getProcessBusinessKey())).asMap()
                .forEach(task::setVariableLocal);
    }
}
