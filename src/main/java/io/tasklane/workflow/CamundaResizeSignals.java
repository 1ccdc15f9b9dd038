package io.tasklane.workflow;

import io.tasklane.schedule.ResizeSignals;
import io.tasklane.schedule.RunResizer;
import io.tasklane.task.RunId;
import io.tasklane.task.RunProgressListener;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers ResizeRequested and GrowGranted to runs' processes by business key (the run id). Also told
 * of every committed change of a run (like {@link RunProgress}): a run whose grow was just granted gets
 * GrowGranted. What is lost to a race is delivered again by {@link ResizeSweeper}.
 */
@Component
class CamundaResizeSignals implements ResizeSignals, RunProgressListener {

    private static final Logger log = LoggerFactory.getLogger(CamundaResizeSignals.class);

    private final RuntimeService runtimeService;
    private final RunResizer resizer;
    private final TransactionTemplate ownTransaction;

    CamundaResizeSignals(RuntimeService runtimeService, @Lazy RunResizer resizer, PlatformTransactionManager transactions) {
        this.runtimeService = runtimeService;
        this.resizer = resizer;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void requestResize(RunId runId) {
        deliver(runId, ScheduleVariables.RESIZE_REQUESTED);
    }

    @Override
    public void growSettled(RunId runId) {
        deliver(runId, ScheduleVariables.GROW_GRANTED);
    }

    @Override
    public void runChanged(String runId) {
        RunId id = new RunId(runId);
        if (resizer.growSettled(id)) {
            growSettled(id);
        }
    }

    private void deliver(RunId runId, String message) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                // A transaction of its own: called after another one committed, whose resources Spring
                // still holds; work joined to that one would run without its after-commit steps.
                ownTransaction.executeWithoutResult(status -> runtimeService.createMessageCorrelation(message)
                        .processInstanceBusinessKey(runId.value()).correlateAllWithResult());
                return;
            } catch (OptimisticLockingException busy) {
                // the run's process moved at the same moment; try again
            } catch (ProcessEngineException raced) {
                log.debug("Delivering {} to run {} raced with its process: {}", message, runId, raced.getMessage());
            }
        }
        log.warn("Could not deliver {} to run {} now; the sweep delivers it later", message, runId);
    }
}
