package io.tasklane.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tasklane.security.Caller;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of processes/pin-request.bpmn and force-start.bpmn on an in-memory engine, with the domain
 * replaced by recording delegates (by bean name) and the real "who decided" listener.
 */
@Deployment(resources = {"pin-request.bpmn", "force-start.bpmn", "review-pin-request.form", "confirm-force-start.form"})
class AdminProcessesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final List<String> calls = new ArrayList<>();
    boolean possible = true;
    boolean stillPossible = true;
    /** How many confirmations find a new plan that kills a run not confirmed. */
    int plansThatChange = 0;

    @BeforeEach
    void registerDelegates() {
        ProcessEngine processEngine = engine.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
        Mocks.register("pinTask", recording("pinTask"));
        Mocks.register("rejectPin", recording("rejectPin"));
        Mocks.register("pinReviewForm", form(Map.of("taskName", "train-resnet", "owner", "carol")));
        Mocks.register("recordDecider", new RecordDeciderListener());
        Mocks.register("planVictims", (JavaDelegate) e -> {
            calls.add("planVictims");
            e.setVariable(AdminVariables.POSSIBLE, possible);
        });
        Mocks.register("confirmForceStartForm", form(Map.of("taskName", "train-resnet", "victims", "web-a (t1) of bob")));
        Mocks.register("killVictims", (JavaDelegate) e -> {
            calls.add("killVictims by " + e.getVariable(AdminVariables.DECIDED_BY));
            boolean changed = plansThatChange-- > 0;
            e.setVariable(AdminVariables.POSSIBLE, stillPossible && !changed);
            e.setVariable(AdminVariables.PLAN_CHANGED, changed);
        });
        Mocks.register("rejectForceStart", recording("rejectForceStart"));
        Mocks.register("finishForceStart", recording("finishForceStart"));
        Mocks.register("timeOutForceStart", (JavaDelegate) e -> {
            calls.add("timeOutForceStart");
            e.setVariable(AdminVariables.OUTCOME, "the pinned task did not get its GPUs in time");
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void anAdminsOwnRequestPinsWithoutAReview() {
        ProcessInstance pin = startPin(true);

        assertThat(pin).isEnded().hasPassedInOrder("PinRequested", "ByAdmin", "PinGranted", "PinTask", "PinDecided");
        assertThat(pin).hasNotPassed("ReviewPinRequest");
        assertThat(calls).containsExactly("pinTask by admin");
    }

    @Test
    void aRequestWaitsForAnAdminsReviewThenPins() {
        ProcessInstance pin = startPin(false);

        assertThat(pin).isWaitingAt(AdminVariables.REVIEW_TASK);
        assertThat(task(pin)).hasCandidateGroup(Caller.ADMIN_GROUP).hasName("Review pin request");
        assertThat(taskService().getVariablesLocal(task(pin).getId())).containsEntry("taskName", "train-resnet");
        complete(pin, "dana", Map.of(AdminVariables.DECISION, "approve", AdminVariables.COMMENT, "deadline tomorrow"));

        assertThat(pin).isEnded().hasPassedInOrder("ReviewPinRequest", "Approved", "PinGranted", "PinTask", "PinDecided");
        assertThat(pin).variables().containsEntry(AdminVariables.DECIDED_BY, "dana");
        assertThat(calls).containsExactly("pinTask by dana");
    }

    @Test
    void aRejectedRequestPinsNothing() {
        ProcessInstance pin = startPin(false);

        complete(pin, "dana", Map.of(AdminVariables.DECISION, "reject", AdminVariables.COMMENT, "not urgent"));

        assertThat(pin).isEnded().hasPassedInOrder("ReviewPinRequest", "Approved", "RejectPin", "PinRejected");
        assertThat(pin).hasNotPassed("PinTask");
        assertThat(calls).containsExactly("rejectPin by dana");
    }

    @Test
    void aForceStartThatNoKillCanFitEndsAtOnce() {
        possible = false;
        ProcessInstance start = startForceStart();

        assertThat(start).isEnded().hasPassedInOrder("ForceStartRequested", "PlanVictims", "CanForceStart", "CannotForceStart");
        assertThat(calls).containsExactly("planVictims");
    }

    @Test
    void aConfirmedForceStartKillsTheVictimsAndWaitsForThePinToEnd() {
        ProcessInstance start = startForceStart();

        assertThat(start).isWaitingAt(AdminVariables.CONFIRM_TASK);
        assertThat(task(start)).hasCandidateGroup(Caller.ADMIN_GROUP).hasName("Confirm force start");
        assertThat(taskService().getVariablesLocal(task(start).getId())).containsEntry("victims", "web-a (t1) of bob");
        complete(start, "admin", Map.of(AdminVariables.DECISION, "confirm"));
        assertThat(start).isWaitingAt("AwaitPinEnd");
        pinEnded();

        assertThat(start).isEnded().hasPassedInOrder("PlanVictims", "ConfirmForceStart", "Confirmed", "KillVictims",
                "StillPossible", "AwaitPinEnd", "RecordOutcome", "ForceStartDone");
        assertThat(calls).containsExactly("planVictims", "killVictims by admin", "finishForceStart by admin");
    }

    @Test
    void aPinnedTaskThatDoesNotGetTheFreedGpusInTimeEndsTheForceStartWithoutAnIncident() {
        ProcessInstance start = startForceStart();
        complete(start, "admin", Map.of(AdminVariables.DECISION, "confirm"));
        assertThat(start).isWaitingAt("AwaitPinEnd");
        Job timer = managementService().createJobQuery().processInstanceId(start.getId()).timers().singleResult();
        assertThat(timer).as("the wait's timer").isNotNull();
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), timer.getDuedate().toInstant()))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));

        execute(timer);

        assertThat(start).isEnded().hasPassedInOrder("KillVictims", "AwaitPinEnd", "WaitTimedOut", "RecordTimeout", "ForceStartTimedOut");
        assertThat(start).hasNotPassed("RecordOutcome");
        assertThat(start).variables().containsEntry(AdminVariables.OUTCOME, "the pinned task did not get its GPUs in time");
        assertThat(calls).containsExactly("planVictims", "killVictims by admin", "timeOutForceStart");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(start.getId()).count()).isZero();
    }

    @Test
    void aRejectedForceStartKillsNothing() {
        ProcessInstance start = startForceStart();

        complete(start, "admin", Map.of(AdminVariables.DECISION, "reject"));

        assertThat(start).isEnded().hasPassedInOrder("ConfirmForceStart", "Confirmed", "RejectForceStart", "ForceStartRejected");
        assertThat(calls).containsExactly("planVictims", "rejectForceStart by admin");
    }

    @Test
    void thePinnedTaskLeavingTheQueueDuringConfirmationEndsItWithNothingKilled() {
        ProcessInstance start = startForceStart();

        pinEnded();

        assertThat(start).isEnded().hasPassedInOrder("ConfirmForceStart", "PinEndedWhileConfirming", "RecordAbandoned",
                "ForceStartAbandoned");
        assertThat(calls).containsExactly("planVictims", "finishForceStart by null");
    }

    @Test
    void aPlanThatNoLongerFitsAtConfirmationKillsNothing() {
        stillPossible = false;
        ProcessInstance start = startForceStart();

        complete(start, "admin", Map.of(AdminVariables.DECISION, "confirm"));

        assertThat(start).isEnded().hasPassedInOrder("KillVictims", "StillPossible", "NothingKilled");
    }

    @Test
    void aPlanThatChangedAtConfirmationKillsNothingAndAsksAgain() {
        plansThatChange = 1;
        ProcessInstance start = startForceStart();
        String first = task(start).getId();

        complete(start, "admin", Map.of(AdminVariables.DECISION, "confirm"));

        assertThat(start).isWaitingAt(AdminVariables.CONFIRM_TASK).hasPassedInOrder("KillVictims", "StillPossible", "AskForConfirmation");
        assertThat(task(start).getId()).isNotEqualTo(first);
        assertThat(task(start)).hasCandidateGroup(Caller.ADMIN_GROUP);
        complete(start, "dana", Map.of(AdminVariables.DECISION, "confirm"));
        assertThat(start).isWaitingAt("AwaitPinEnd");
        assertThat(calls).containsExactly("planVictims", "killVictims by admin", "killVictims by dana");
    }

    private ProcessInstance startPin(boolean byAdmin) {
        Map<String, Object> variables = new HashMap<>(Map.of(AdminVariables.PIN_REQUEST_ID, "p1", AdminVariables.BY_ADMIN, byAdmin));
        if (byAdmin) {
            variables.put(AdminVariables.DECIDED_BY, "admin");
        }
        return runtimeService().startProcessInstanceByKey(AdminVariables.PIN_PROCESS_KEY, "p1", variables);
    }

    private ProcessInstance startForceStart() {
        return runtimeService().startProcessInstanceByKey(AdminVariables.FORCE_START_PROCESS_KEY, "f1",
                Map.of(AdminVariables.FORCE_START_ID, "f1", AdminVariables.WAIT_TIMEOUT, "PT10M"));
    }

    /** As an admin does in Tasklist: claim, then complete with the form's fields. */
    private static void complete(ProcessInstance instance, String admin, Map<String, Object> form) {
        String id = task(instance).getId();
        taskService().claim(id, admin);
        taskService().complete(id, form);
    }

    private static void pinEnded() {
        runtimeService().createMessageCorrelation(AdminVariables.PIN_ENDED).processInstanceBusinessKey("f1").correlate();
    }

    private JavaDelegate recording(String name) {
        return execution -> calls.add(name + " by " + execution.getVariable(AdminVariables.DECIDED_BY));
    }

    private static TaskListener form(Map<String, Object> fields) {
        return (DelegateTask task) -> fields.forEach(task::setVariableLocal);
    }
}
