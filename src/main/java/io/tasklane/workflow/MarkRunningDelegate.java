package io.tasklane.workflow;

import io.tasklane.runtime.Deployments;
import io.tasklane.task.RunId;
import io.tasklane.task.RunService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark the run as running": every replica is up; a service's endpoint is published. */
@Component("markRunning")
class MarkRunningDelegate implements JavaDelegate {

    private final RunService runs;
    private final Deployments deployments;

    MarkRunningDelegate(RunService runs, Deployments deployments) {
        this.runs = runs;
        this.deployments = deployments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunId runId = RunIds.of(execution);
        runs.markRunning(runId, deployments.endpointOf(runId));
    }
}
