package io.tasklane.workflow;

import io.tasklane.queue.DispatchRequests;
import io.tasklane.queue.Dispatcher;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskRun;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Request GPUs": the run joins its cluster's queue. If no other dispatch pass is under way, one runs
 * here and {@code admitted} says whether this run got its GPUs now; otherwise the run waits for the
 * pass that follows (asked for once this commits) rather than for the cluster's lock.
 */
@Component("requestGpus")
class RequestGpusDelegate implements JavaDelegate {

    private final RunService runs;
    private final Dispatcher dispatcher;
    private final DispatchRequests dispatch;

    RequestGpusDelegate(RunService runs, Dispatcher dispatcher, DispatchRequests dispatch) {
        this.runs = runs;
        this.dispatcher = dispatcher;
        this.dispatch = dispatch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskRun run = runs.get(RunIds.of(execution));
        boolean admitted = dispatcher.tryDispatch(run.cluster(), run.id()).map(ids -> ids.contains(run.id())).orElse(false);
        if (!admitted) {
            dispatch.request(run.cluster());
        }
        // Transient: only the gateway right after reads it, in this transaction.
        execution.setVariable(RunVariables.ADMITTED, Variables.booleanValue(admitted, true));
    }
}
