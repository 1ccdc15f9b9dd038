package io.tasklane.workflow;

import java.util.Map;

import io.tasklane.task.RunId;
import io.tasklane.task.RunProcesses;
import io.tasklane.task.RunService;
import io.tasklane.task.TaskId;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts task-run processes and delivers stop and kill requests to them by business key (the run id). */
@Component
class CamundaRunProcesses implements RunProcesses {

    private static final Logger log = LoggerFactory.getLogger(CamundaRunProcesses.class);

    private final RuntimeService runtimeService;
    private final Correlations correlations;
    private final RunService runs;

    CamundaRunProcesses(RuntimeService runtimeService, Correlations correlations, RunService runs) {
        this.runtimeService = runtimeService;
        this.correlations = correlations;
        this.runs = runs;
    }

    @Override
    public String start(RunId runId, TaskId taskId) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(RunVariables.PROCESS_KEY, runId.value(),
                // "Check the task and open a run" adds the startup timeout, as for starts over Camunda's REST API.
                Map.of(RunVariables.TASK_ID, taskId.value(), RunVariables.RUN_ID, runId.value()));
        return instance.getId();
    }

    @Override
    public void requestStop(RunId runId) {
        deliver(runId, RunVariables.STOP_REQUESTED, Map.of());
    }

    @Override
    public void requestKill(RunId runId) {
        deliver(runId, RunVariables.KILL_REQUESTED, Map.of());
    }

    private void deliver(RunId runId, String message, Map<String, Object> variables) {
        correlations.deliver(message, runId.value(), variables).ifPresentOrElse(delivered -> {
            if (delivered == 0 && !runs.get(runId).isOver()) {
                log.info("Run {} does not wait for {} right now; the sweep delivers it later", runId, message);
            }
        }, () -> log.warn("Could not deliver {} to run {} now; the sweep delivers it later", message, runId));
    }
}
