package io.tasklane.workflow;

import java.time.OffsetDateTime;

import io.tasklane.common.TaskId;
import io.tasklane.schedule.ScheduleFiring;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start or resize the task": handles the fire due at {@code nextFireAt} (at most once per fire time). */
@Component("fireSchedule")
class FireScheduleDelegate implements JavaDelegate {

    private final ScheduleFiring firing;

    FireScheduleDelegate(ScheduleFiring firing) {
        this.firing = firing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskId taskId = new TaskId((String) execution.getVariable(ScheduleVariables.TASK_ID));
        var at = OffsetDateTime.parse((String) execution.getVariable(ScheduleVariables.NEXT_FIRE_AT)).toInstant();
        execution.setVariable(ScheduleVariables.FIRE_OUTCOME, firing.fire(taskId, at).name());
    }
}
