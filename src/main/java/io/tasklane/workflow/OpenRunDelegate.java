package io.tasklane.workflow;

import java.util.HashSet;

import io.tasklane.common.ConflictException;
import io.tasklane.common.ForbiddenException;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.security.Caller;
import io.tasklane.task.RunService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Check the task and open a run". A run started through Tasklane's API is open already; one
 * started over Camunda's REST API with only {@code taskId} is opened here as the calling user. A
 * start that is not allowed ends at "Start refused" with the reason in variable {@code refusal}; so
 * does a start that names a {@code runId} of its own, which would take over another process's run.
 */
@Component("openRun")
class OpenRunDelegate implements JavaDelegate {

    private final RunService runs;
    private final IdentityService identity;
    private final String startupTimeout;

    OpenRunDelegate(RunService runs, IdentityService identity,
                    @Value("${tasklane.runs.startup-timeout:PT10M}") String startupTimeout) {
        this.runs = runs;
        this.identity = identity;
        this.startupTimeout = startupTimeout;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!execution.hasVariable(RunVariables.STARTUP_TIMEOUT)) {
            execution.setVariable(RunVariables.STARTUP_TIMEOUT, startupTimeout);
        }
        try {
            if (execution.getVariable(RunVariables.RUN_ID) == null) {
                openAsCaller(execution);
            } else {
                attachOpenedRun(execution);
            }
        } catch (NotFoundException | ConflictException | ForbiddenException | InvalidInputException refused) {
            // Kept (with the reason) in the history of a process that ends here: nothing else records it.
            execution.setVariable(RunVariables.START_REFUSED, true);
            execution.setVariable(RunVariables.REFUSAL, refused.getMessage());
            return;
        }
        // Transient: only the gateway right after reads it, in this transaction; nothing to store for a start.
        execution.setVariable(RunVariables.START_REFUSED, Variables.booleanValue(false, true));
    }

    /** A start over Camunda's REST API: open a run of {@code taskId} as the calling user. */
    private void openAsCaller(DelegateExecution execution) {
        Object taskId = execution.getVariable(RunVariables.TASK_ID);
        if (!(taskId instanceof String id) || id.isBlank()) {
            throw new InvalidInputException(RunVariables.TASK_ID, "required", "variable taskId (a task id string) is required");
        }
        RunId runId = runs.open(caller(), new TaskId(id)).id();
        execution.setVariable(RunVariables.RUN_ID, runId.value());
        execution.setProcessBusinessKey(runId.value());
        runs.attachProcess(runId, execution.getProcessInstanceId());
    }

    /**
     * Tasklane's own start names the run it opened in this transaction, which has no process yet. Any
     * other run id comes from outside (a REST caller): taking it would attach this process to a live run.
     */
    private void attachOpenedRun(DelegateExecution execution) {
        Object runId = execution.getVariable(RunVariables.RUN_ID);
        try {
            runs.attachProcess(new RunId(String.valueOf(runId)), execution.getProcessInstanceId());
        } catch (ConflictException | IllegalArgumentException taken) {
            throw new InvalidInputException(RunVariables.RUN_ID, "not-allowed", "variable runId is not accepted ("
                    + taken.getMessage() + "): a start over Camunda's REST API gives taskId only, and Tasklane opens the run");
        }
    }

    /** The engine-rest user who started the process; Tasklane itself when nobody is signed in. */
    private Caller caller() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return new Caller("tasklane", java.util.Set.of(Caller.ADMIN_GROUP));
        }
        var groups = authentication.getGroupIds() == null ? new HashSet<String>() : new HashSet<>(authentication.getGroupIds());
        return new Caller(authentication.getUserId(), groups);
    }
}
