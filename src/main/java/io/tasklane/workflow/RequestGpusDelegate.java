package io.tasklane.workflow;

import io.tasklane.queue.Dispatcher;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskRun;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Request GPUs": the run joins its cluster's queue and a dispatch pass runs; {@code admitted} says if it got GPUs now. */
@Component("requestGpus")
class RequestGpusDelegate implements JavaDelegate {

    private final RunService runs;
    private final Dispatcher dispatcher;

    RequestGpusDelegate(RunService runs, Dispatcher dispatcher) {
        this.runs = runs;
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskRun run = runs.get(RunIds.of(execution));
        dispatcher.dispatch(run.cluster());
        execution.setVariable(RunVariables.ADMITTED, runs.get(run.id()).admitted());
    }
}
