package io.tasklane.workflow;

import io.tasklane.common.RunId;
import io.tasklane.queue.GpuRelease;
import io.tasklane.runtime.RunOutcomes;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskState;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the final state": the run and its task end in the outcome chosen on the way here, with a
 * reason a person can read. GPUs still held (if compensation could not run) are released here too.
 */
@Component("finishRun")
class FinishRunDelegate implements JavaDelegate {

    private final RunService runs;
    private final RunOutcomes outcomes;
    private final GpuRelease release;

    FinishRunDelegate(RunService runs, RunOutcomes outcomes, GpuRelease release) {
        this.runs = runs;
        this.outcomes = outcomes;
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RunId runId = RunIds.of(execution);
        TaskState state = TaskState.valueOf((String) execution.getVariable(RunVariables.OUTCOME));
        String code = (String) execution.getVariable(RunVariables.REASON_CODE);
        String detail = detail(execution, code);
        release.release(runId);
        runs.finish(runId, state, run -> outcomes.reasonFor(run, state, code, detail));
    }

    private static String detail(DelegateExecution execution, String code) {
        return switch (code) {
            case "StartupTimeout" -> String.valueOf(execution.getVariable(RunVariables.STARTUP_TIMEOUT));
            case "DeployFailed" -> String.valueOf(execution.getVariable(RunVariables.DEPLOY_ERROR));
            default -> null;
        };
    }
}
