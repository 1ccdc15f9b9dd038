package io.tasklane.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.tasklane.queue.PinProcesses;
import io.tasklane.queue.PinRequestId;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Starts pin-request processes and completes their reviews. */
@Component
class CamundaPinProcesses implements PinProcesses {

    private final RuntimeService runtimeService;
    private final UserTasks userTasks;
    CamundaPinProcesses(RuntimeService runtimeService, UserTasks userTasks) {
        this.runtimeService = runtimeService;
        this.userTasks = userTasks;
    }

    @Override
    public void start(PinRequestId id, String adminRequester) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AdminVariables.PIN_REQUEST_ID, id.value());
        variables.put(AdminVariables.BY_ADMIN, adminRequester != null);
        if (adminRequester != null) {
            variables.put(AdminVariables.DECIDED_BY, adminRequester);
        }
        runtimeService.startProcessInstanceByKey(AdminVariables.PIN_PROCESS_KEY, id.value(), variables);
    }

    @Override
    public Optional<String> reviewTaskId(PinRequestId id) {
        return userTasks.open(AdminVariables.PIN_PROCESS_KEY, id.value(), AdminVariables.REVIEW_TASK).map(Task::getId);
    }

    @Override
    public boolean decide(PinRequestId id, String userId, boolean approve, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AdminVariables.DECISION, approve ? "approve" : "reject");
        variables.put(AdminVariables.COMMENT, comment);
        return userTasks.complete(AdminVariables.PIN_PROCESS_KEY, id.value(), AdminVariables.REVIEW_TASK, userId, variables);
    }
}
