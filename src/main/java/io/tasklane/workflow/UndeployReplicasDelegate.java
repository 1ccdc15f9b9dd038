package io.tasklane.workflow;

import io.tasklane.runtime.Deployments;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Undeploy replicas" (compensates "Deploy replicas"): stops the live replicas with their grace period. */
@Component("undeployReplicas")
class UndeployReplicasDelegate implements JavaDelegate {

    private final Deployments deployments;

    UndeployReplicasDelegate(Deployments deployments) {
        this.deployments = deployments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deployments.undeploy(RunIds.of(execution));
    }
}
