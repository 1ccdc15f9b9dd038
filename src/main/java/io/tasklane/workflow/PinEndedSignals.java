package io.tasklane.workflow;

import io.tasklane.preemption.ForceStartService;
import io.tasklane.preemption.ForceStartProcesses;
import io.tasklane.task.PinEnded;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells a force-start that its pinned task left the queue (admitted, stopped or unpinned), once that has
 * committed; a periodic sweep tells the ones a crash or a race left waiting.
 */
@Component
class PinEndedSignals {

    private final ForceStartService forceStarts;
    private final ForceStartProcesses processes;

    PinEndedSignals(ForceStartService forceStarts, ForceStartProcesses processes) {
        this.forceStarts = forceStarts;
        this.processes = processes;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(PinEnded ended) {
        forceStarts.openFor(ended.taskId()).forEach(processes::pinEnded);
    }

    @Scheduled(fixedDelayString = "${tasklane.runs.sweep-interval:5s}", initialDelayString = "${tasklane.runs.sweep-interval:5s}")
    void sweep() {
        forceStarts.waitingOnEndedPins().forEach(processes::pinEnded);
    }
}
