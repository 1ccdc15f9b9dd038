package io.tasklane.workflow;

import io.tasklane.common.RunId;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the run id a task-run process carries. */
final class RunIds {

    private RunIds() {
    }

    static RunId of(DelegateExecution execution) {
        return new RunId((String) execution.getVariable(RunVariables.RUN_ID));
    }
}
