package io.tasklane.workflow;

import io.tasklane.queue.PinRequestId;
import io.tasklane.queue.PinService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating "Review pin request": what the form shows (task, owner, GPUs, queue position, waiting time,
 * reason), as local variables of the user task. They describe the request for the reviewer; the database
 * stays the truth.
 */
@Component("pinReviewForm")
class PinReviewFormListener implements TaskListener {

    private final PinService pins;

    PinReviewFormListener(PinService pins) {
        this.pins = pins;
    }

    @Override
    public void notify(DelegateTask task) {
        pins.review(new PinRequestId(task.getExecution().getProcessBusinessKey())).asMap().forEach(task::setVariableLocal);
    }
}
