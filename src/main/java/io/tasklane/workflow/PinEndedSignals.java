package io.tasklane.workflow;

import java.util.List;

import io.tasklane.common.NotYetDeliverable;
import io.tasklane.common.OnCommitted;
import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartProcesses;
import io.tasklane.preemption.ForceStartService;
import io.tasklane.task.PinEnded;
import org.springframework.stereotype.Component;

/**
 * Tells a force-start that its pinned task left the queue (admitted, stopped or unpinned), once that has
 * committed, and again until the force-start has heard it (a process busy in a step takes no message).
 */
@Component
class PinEndedSignals {

    private final ForceStartService forceStarts;
    private final ForceStartProcesses processes;

    PinEndedSignals(ForceStartService forceStarts, ForceStartProcesses processes) {
        this.forceStarts = forceStarts;
        this.processes = processes;
    }

    @OnCommitted
    void on(PinEnded ended) {
        List<ForceStartId> open = forceStarts.openFor(ended.taskId());
        open.forEach(processes::pinEnded);
        if (!open.isEmpty() && forceStarts.waitingOnEndedPins().stream().anyMatch(open::contains)) {
            throw new NotYetDeliverable("a force-start of task " + ended.taskId() + " has not heard that its pin ended yet");
        }
    }
}
