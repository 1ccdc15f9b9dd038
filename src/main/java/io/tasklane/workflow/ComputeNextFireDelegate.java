package io.tasklane.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.tasklane.common.TaskId;
import io.tasklane.schedule.Fire;
import io.tasklane.schedule.ScheduleService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Compute the next fire": asks the schedule for its next fire after the one just handled (or skipped)
 * and sets {@code nextFireAt} in the schedule's zone, or {@code hasNextFire = false}.
 */
@Component("computeNextFire")
class ComputeNextFireDelegate implements JavaDelegate {

    private final ScheduleService schedules;

    ComputeNextFireDelegate(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskId taskId = new TaskId((String) execution.getVariable(ScheduleVariables.TASK_ID));
        String previous = (String) execution.getVariable(ScheduleVariables.NEXT_FIRE_AT);
        Instant after = previous == null ? null : OffsetDateTime.parse(previous).toInstant();
        Optional<Fire> next = schedules.nextFire(taskId, after);
        execution.setVariable(ScheduleVariables.HAS_NEXT_FIRE, next.isPresent());
        if (next.isPresent()) {
            var zone = schedules.zoneOf(taskId).orElse(ZoneOffset.UTC);
            execution.setVariable(ScheduleVariables.TIME_ZONE, zone.getId());
            execution.setVariable(ScheduleVariables.NEXT_FIRE_AT, next.get().in(zone).toOffsetDateTime().toString());
        }
    }
}
