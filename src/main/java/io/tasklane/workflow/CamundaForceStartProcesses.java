package io.tasklane.workflow;

import java.util.Map;
import java.util.Optional;

import io.tasklane.preemption.ForceStartId;
import io.tasklane.preemption.ForceStartProcesses;
import io.tasklane.preemption.ForceStartProperties;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts force-start processes, completes their confirmations and tells them when the pin ended. */
@Component
class CamundaForceStartProcesses implements ForceStartProcesses {

    private static final Logger log = LoggerFactory.getLogger(CamundaForceStartProcesses.class);

    private final RuntimeService runtimeService;
    private final UserTasks userTasks;
    private final Correlations correlations;
    private final ForceStartProperties settings;

    CamundaForceStartProcesses(RuntimeService runtimeService, UserTasks userTasks, Correlations correlations,
                               ForceStartProperties settings) {
        this.runtimeService = runtimeService;
        this.userTasks = userTasks;
        this.correlations = correlations;
        this.settings = settings;
    }

    @Override
    public void start(ForceStartId id) {
        runtimeService.startProcessInstanceByKey(AdminVariables.FORCE_START_PROCESS_KEY, id.value(),
                Map.of(AdminVariables.FORCE_START_ID, id.value(), AdminVariables.WAIT_TIMEOUT, settings.waitTimeout().toString()));
    }

    @Override
    public Optional<String> confirmationTaskId(ForceStartId id) {
        return userTasks.open(AdminVariables.FORCE_START_PROCESS_KEY, id.value(), AdminVariables.CONFIRM_TASK).map(Task::getId);
    }

    @Override
    public boolean decide(ForceStartId id, String userId, boolean confirm) {
        return userTasks.complete(AdminVariables.FORCE_START_PROCESS_KEY, id.value(), AdminVariables.CONFIRM_TASK, userId,
                Map.of(AdminVariables.DECISION, confirm ? "confirm" : "reject"));
    }

    @Override
    public void pinEnded(ForceStartId id) {
        if (correlations.deliver(AdminVariables.PIN_ENDED, id.value(), Map.of()).isEmpty()) {
            log.warn("Could not tell force-start {} that its pin ended; it is told again later", id);
        }
    }
}
