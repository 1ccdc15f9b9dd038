package io.tasklane.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.tasklane.common.TaskId;
import io.tasklane.schedule.NextFire;
import io.tasklane.schedule.ReplicaWindow;
import io.tasklane.schedule.Schedule;
import io.tasklane.schedule.ScheduleFiring;
import io.tasklane.schedule.ScheduleService;
import io.tasklane.schedule.ScheduleType;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * processes/task-schedule.bpmn on an in-memory engine whose clock the tests move: the real delegates
 * and next-fire computation, with the schedule store and the firing (start or resize) replaced.
 * Asserts the timer's due dates, the fires handed to the domain, and how the process ends.
 */
@Deployment(resources = "task-schedule.bpmn")
class TaskScheduleProcessTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final TaskId TASK = new TaskId("t1");

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final List<Instant> fired = new ArrayList<>();
    Schedule schedule;

    @BeforeEach
    void registerDelegates() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        ScheduleService schedules = mock(ScheduleService.class);
        // As ScheduleService does: strictly after the fire just handled and after now (the engine's clock).
        when(schedules.nextFire(any(), any())).thenAnswer(call -> {
            Instant after = call.getArgument(1);
            Instant now = ClockUtil.getCurrentTime().toInstant();
            return NextFire.after(schedule, after == null || after.isBefore(now) ? now : after);
        });
        when(schedules.zoneOf(any())).thenAnswer(call -> java.util.Optional.of(schedule.zone()));
        ScheduleFiring firing = mock(ScheduleFiring.class);
        when(firing.fire(any(), any())).thenAnswer(call -> {
            fired.add(call.getArgument(1));
            return ScheduleFiring.Outcome.STARTED;
        });
        Mocks.register("computeNextFire", new ComputeNextFireDelegate(schedules));
        Mocks.register("fireSchedule", new FireScheduleDelegate(firing));
        Mocks.register("scheduleCalendar", new ScheduleCalendar());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void aOneOffWaitsForItsTimeInItsZoneFiresOnceAndEnds() {
        schedule = oneOff(LocalDateTime.parse("2026-12-01T09:30:00"));
        clock("2026-12-01T00:00:00Z");
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt("AwaitFire");
        assertThat(instance).variables().containsEntry(ScheduleVariables.NEXT_FIRE_AT, "2026-12-01T09:30+08:00")
                .containsEntry(ScheduleVariables.TIME_ZONE, "Asia/Shanghai").containsEntry(ScheduleVariables.HAS_NEXT_FIRE, true);
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-01T01:30:00Z")));

        clock("2026-12-01T01:30:01Z");
        execute(job(instance));

        assertThat(fired).containsExactly(Instant.parse("2026-12-01T01:30:00Z"));
        assertThat(instance).isEnded().hasPassedInOrder("ScheduleActivated", "ComputeNextFire", "AwaitFire",
                "FireTimeReached", "FireSchedule", "ComputeNextFire", "ScheduleDone");
    }

    @Test
    void aDailyScheduleFiresWindowAfterWindowUntilItIsChanged() {
        schedule = daily("08:00", "20:00");
        clock("2026-12-01T00:00:00Z"); // 08:00 in Shanghai: the morning window has just begun
        ProcessInstance instance = start();
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-01T12:00:00Z")));

        clock("2026-12-01T12:00:00Z");
        execute(job(instance));
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-02T00:00:00Z")));
        clock("2026-12-02T00:00:00Z");
        execute(job(instance));
        assertThat(instance).variables().containsEntry(ScheduleVariables.NEXT_FIRE_AT, "2026-12-02T20:00+08:00")
                .containsEntry(ScheduleVariables.FIRE_OUTCOME, "STARTED");

        runtimeService().createMessageCorrelation(ScheduleVariables.SCHEDULE_CHANGED).processInstanceBusinessKey(TASK.value()).correlate();

        assertThat(fired).containsExactly(Instant.parse("2026-12-01T12:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(instance).isEnded().hasPassed("ScheduleChanged", "ScheduleReplaced").hasNotPassed("ScheduleDone");
    }

    @Test
    void firesMissedWhileTheEngineWasDownHappenOnceWhenItIsBack() {
        schedule = daily("08:00", "20:00");
        clock("2026-12-01T01:00:00Z");
        ProcessInstance instance = start();

        clock("2026-12-03T05:00:00Z"); // down for two days: four windows passed
        execute(job(instance));

        assertThat(fired).containsExactly(Instant.parse("2026-12-01T12:00:00Z"));
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-03T12:00:00Z")));
    }

    @Test
    void anInactiveOrRemovedScheduleEndsWithoutWaiting() {
        schedule = Schedule.manual(TASK);
        ProcessInstance instance = start();

        assertThat(instance).isEnded().hasPassed("ScheduleDone");
        assertThat(fired).isEmpty();
    }

    @Test
    void anEditedCopyThatSkipsWeekendsDeploysAndFiresOnWeekdaysOnly() throws Exception {
        deployEditedCopy();
        schedule = daily("08:00");
        clock("2026-12-04T01:00:00Z"); // Friday 09:00 in Shanghai
        ProcessInstance instance = start();

        for (String due : List.of("2026-12-05T00:00:00Z", "2026-12-06T00:00:00Z", "2026-12-07T00:00:00Z")) {
            assertThat(job(instance).getDuedate()).isEqualTo(Date.from(Instant.parse(due)));
            clock(due);
            execute(job(instance));
        }

        assertThat(fired).as("Saturday and Sunday skipped, Monday fired").containsExactly(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(instance).hasPassed("Weekend").isWaitingAt("AwaitFire");
    }

    @Test
    void aWaitingInstanceMigratesToTheEditedVersionAndKeepsItsTimer() throws Exception {
        schedule = daily("08:00");
        clock("2026-12-04T01:00:00Z");
        ProcessInstance instance = start();
        String edited = deployEditedCopy();

        var plan = runtimeService().createMigrationPlan(instance.getProcessDefinitionId(), edited)
                .mapEqualActivities().updateEventTriggers().build();
        runtimeService().newMigration(plan).processInstanceIds(instance.getId()).execute();

        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(edited);
        assertThat(job(instance).getDuedate()).isEqualTo(Date.from(Instant.parse("2026-12-05T00:00:00Z")));
        clock("2026-12-05T00:00:00Z");
        execute(job(instance));
        assertThat(fired).as("Saturday's fire skipped by the new version").isEmpty();
        assertThat(instance).hasPassed("Weekend").isWaitingAt("AwaitFire");
    }

    /** Deploys src/test/resources/edited/task-schedule-skip-weekends.bpmn.txt as the next version; its id. */
    String deployEditedCopy() throws java.io.IOException {
        try (var xml = getClass().getResourceAsStream("/edited/task-schedule-skip-weekends.bpmn.txt")) {
            var deployment = engine.getRepositoryService().createDeployment()
                    .addInputStream("task-schedule-skip-weekends.bpmn", xml).deploy();
            engine.manageDeployment(deployment);
            return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId())
                    .singleResult().getId();
        }
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(ScheduleVariables.PROCESS_KEY, TASK.value(),
                Map.of(ScheduleVariables.TASK_ID, TASK.value()));
    }

    static void clock(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    static Schedule oneOff(LocalDateTime at) {
        return new Schedule(TASK, ScheduleType.ONE_OFF, SHANGHAI, at, null, List.of(), true, null, "alice", null);
    }

    static Schedule daily(String... times) {
        List<ReplicaWindow> windows = java.util.Arrays.stream(times).map(t -> new ReplicaWindow(LocalTime.parse(t), 1, 2)).toList();
        return new Schedule(TASK, ScheduleType.DAILY, SHANGHAI, null, null, windows, true, null, "alice", null);
    }
}
