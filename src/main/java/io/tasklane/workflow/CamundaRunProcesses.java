package io.tasklane.workflow;

import java.util.Map;

import io.tasklane.common.NotYetDeliverable;
import io.tasklane.common.OnCommitted;
import io.tasklane.task.RunService;
import io.tasklane.task.RunStarted;
import io.tasklane.task.RunStopRequested;
import io.tasklane.task.TaskState;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts task-run processes and delivers stop and kill requests to them by business key (the run id). */
@Component
class CamundaRunProcesses {

    private final RuntimeService runtimeService;
    private final Correlations correlations;
    private final RunService runs;

    CamundaRunProcesses(RuntimeService runtimeService, Correlations correlations, RunService runs) {
        this.runtimeService = runtimeService;
        this.correlations = correlations;
        this.runs = runs;
    }

    /** In the starter's transaction: the run and its process are there together, or neither is. */
    @EventListener
    void start(RunStarted started) {
        runtimeService.startProcessInstanceByKey(RunVariables.PROCESS_KEY, started.runId().value(),
                // "Check the task and open a run" adds the startup timeout, as for starts over Camunda's REST API.
                Map.of(RunVariables.TASK_ID, started.taskId().value(), RunVariables.RUN_ID, started.runId().value()));
    }

    /**
     * Delivered until the process has taken it: a process busy in a step (a deployment under way) takes no
     * message, and the run then neither stops nor ends; the request is delivered again.
     */
    @OnCommitted
    void stop(RunStopRequested requested) {
        String message = RunVariables.STOP_REQUESTED;
        String stopAs = requested.kill() ? TaskState.KILLED.name() : TaskState.STOPPED.name();
        int delivered = correlations.deliver(message, requested.runId().value(), Map.of(RunVariables.STOP_AS, stopAs)).orElse(0);
        if (delivered == 0) {
            // A run that is gone (its task deleted), over or already stopping needs nothing more.
            runs.find(requested.runId()).filter(run -> !run.isOver() && run.state() != TaskState.STOPPING).ifPresent(run -> {
                throw new NotYetDeliverable("run " + run.id() + " (" + run.state() + ") does not wait for " + message + " right now");
            });
        }
    }
}
