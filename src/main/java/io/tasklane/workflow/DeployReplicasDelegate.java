package io.tasklane.workflow;

import io.tasklane.runtime.DeployFailedException;
import io.tasklane.runtime.Deployments;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Deploy replicas" (asynchronous). Says whether every replica is up already, so a job goes on to
 * "Mark the run as running" in the same transaction. A failure of the task itself is retried like any failure, and on
 * the last attempt becomes the BPMN error "DeployFailed" (the run fails, its GPUs are released). Other
 * failures (the runtime itself is broken) use up the retries and become an incident for an operator.
 */
@Component("deployReplicas")
class DeployReplicasDelegate implements JavaDelegate {

    private final Deployments deployments;
    private final ManagementService management;

    DeployReplicasDelegate(Deployments deployments, ManagementService management) {
        this.deployments = deployments;
        this.management = management;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            boolean allUp = deployments.deploy(RunIds.of(execution));
            // Transient: read by the gateway right after, in this transaction.
            execution.setVariable(RunVariables.REPLICAS_ALREADY_UP, Variables.booleanValue(allUp, true));
        } catch (DeployFailedException e) {
            if (isLastAttempt(execution)) {
                execution.setVariable(RunVariables.DEPLOY_ERROR, e.getMessage());
                throw new BpmnError(RunVariables.DEPLOY_FAILED_ERROR, e.getMessage());
            }
            throw e;
        }
    }

    private boolean isLastAttempt(DelegateExecution execution) {
        Job job = management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId()).singleResult();
        return job == null || job.getRetries() <= 1;
    }
}
