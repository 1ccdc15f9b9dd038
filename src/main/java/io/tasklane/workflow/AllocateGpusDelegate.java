package io.tasklane.workflow;

import io.tasklane.task.RunService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Allocate GPUs": the GPUs the dispatcher reserved are the run's; it is STARTING until its active deadline. */
@Component("allocateGpus")
class AllocateGpusDelegate implements JavaDelegate {

    private final RunService runs;

    AllocateGpusDelegate(RunService runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var deadline = runs.markStarting(RunIds.of(execution), "tasklane");
        execution.setVariable(RunVariables.DEADLINE_AT, deadline.toString());
    }
}
