package io.tasklane.workflow;

import io.tasklane.common.RunId;
import io.tasklane.runtime.Deployments;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskRun;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Mark the run as running": every replica is up; a service's endpoint is published. Says whether a
 * job's replicas have all exited successfully already (a short job often has by now), so the process
 * records its success at once rather than waiting for another message.
 */
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
        TaskRun run = runs.markRunning(runId, deployments::endpointOf); // kind and replicas: marking it running changes neither
        boolean alreadyExited = NextSignal.allExitedSuccessfully(run, deployments.instancesOf(runId));
        // Transient: only the gateway right after reads it, in this transaction; nothing to store.
        execution.setVariable(RunVariables.REPLICAS_ALREADY_EXITED, Variables.booleanValue(alreadyExited, true));
    }
}
