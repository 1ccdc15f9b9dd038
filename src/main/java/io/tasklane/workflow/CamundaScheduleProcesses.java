package io.tasklane.workflow;

import java.util.Map;

import io.tasklane.common.TaskId;
import io.tasklane.schedule.ScheduleProcesses;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts and ends task-schedule instances by business key (the task id). */
@Component
class CamundaScheduleProcesses implements ScheduleProcesses {

    private final RuntimeService runtimeService;

    CamundaScheduleProcesses(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void end(TaskId taskId) {
        runtimeService.createMessageCorrelation(ScheduleVariables.SCHEDULE_CHANGED).processInstanceBusinessKey(taskId.value())
                .correlateAllWithResult();
        // An instance that was not waiting (e.g. an edited version with a wait of its own) goes too:
        // two instances of one schedule would fire twice.
        runtimeService.createProcessInstanceQuery().processDefinitionKey(ScheduleVariables.PROCESS_KEY)
                .processInstanceBusinessKey(taskId.value()).list()
                .forEach(i -> runtimeService.deleteProcessInstance(i.getId(), "schedule changed", true, true));
    }

    @Override
    public void start(TaskId taskId) {
        runtimeService.startProcessInstanceByKey(ScheduleVariables.PROCESS_KEY, taskId.value(),
                Map.of(ScheduleVariables.TASK_ID, taskId.value()));
    }
}
