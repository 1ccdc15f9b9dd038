package io.tasklane.workflow;

import io.tasklane.sizing.RunResizer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Deploy the added replicas" (asynchronous): launches what a granted grow added. */
@Component("deployAddedReplicas")
class DeployAddedReplicasDelegate implements JavaDelegate {

    private final RunResizer resizer;

    DeployAddedReplicasDelegate(RunResizer resizer) {
        this.resizer = resizer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        resizer.deployAdded(RunIds.of(execution));
    }
}
