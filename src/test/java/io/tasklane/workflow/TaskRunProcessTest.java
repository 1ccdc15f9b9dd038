package io.tasklane.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tasklane.runtime.DeployFailedException;
import io.tasklane.runtime.Deployments;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of processes/task-run.bpmn, on an in-memory engine with the domain replaced by recording
 * delegates (by bean name). Asserts the path, the wait states and the outcome variables.
 */
@Deployment(resources = "task-run.bpmn")
class TaskRunProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final List<String> calls = new ArrayList<>();
    boolean admitNow = true;
    boolean refuseStart = false;
    boolean exitedBeforeNoticed = false;
    Deployments deployments = mock(Deployments.class);

    @BeforeEach
    void registerDelegates() {
        ProcessEngine processEngine = engine.getProcessEngine();
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
        Mocks.register("openRun", recording("openRun", e -> {
            e.setVariable(RunVariables.START_REFUSED, refuseStart);
            if (refuseStart) {
                e.setVariable(RunVariables.REFUSAL, "task t1 is RUNNING");
            }
        }));
        Mocks.register("requestGpus", recording("requestGpus", e -> e.setVariable(RunVariables.ADMITTED, admitNow)));
        Mocks.register("allocateGpus", recording("allocateGpus",
                e -> e.setVariable(RunVariables.DEADLINE_AT, Instant.now().plusSeconds(3600).toString())));
        Mocks.register("releaseGpus", recording("releaseGpus", e -> { }));
        Mocks.register("deployReplicas", recording("deployReplicas",
                new DeployReplicasDelegate(deployments, processEngine.getManagementService())::execute));
        Mocks.register("undeployReplicas", recording("undeployReplicas", e -> { }));
        Mocks.register("markRunning", recording("markRunning",
                e -> e.setVariable(RunVariables.REPLICAS_ALREADY_EXITED, Variables.booleanValue(exitedBeforeNoticed, true))));
        Mocks.register("recordOutcome", new RecordOutcomeListener());
        Mocks.register("markStopping", recording("markStopping", e -> {
            e.getProcessInstance().setVariable(RunVariables.OUTCOME, MarkStoppingDelegate.requestedOutcome(e));
            e.getProcessInstance().setVariable(RunVariables.REASON_CODE, MarkStoppingDelegate.requestedOutcome(e));
        }));
        Mocks.register("finishRun", recording("finishRun", e -> { }));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void admittedAtOnceAJobRunsAndSucceeds() {
        ProcessInstance run = start();

        assertThat(run).isWaitingAt("DeployReplicas");
        execute(job(run));
        assertThat(run).isWaitingAt("AwaitReady");
        correlate("ReplicasReady");
        assertThat(run).isWaitingAt("AwaitEnd");
        correlate("ReplicasExited");

        assertThat(run).isEnded().hasPassedInOrder("RunRequested", "OpenRun", "RequestGpus", "AllocateGpus",
                "DeployReplicas", "ReplicasReady", "MarkRunning", "ReplicasExited", "OutcomeSucceeded", "CleanUp",
                "FinishRun", "RunEnded");
        assertThat(run).hasNotPassed("WaitInQueue");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "SUCCEEDED").containsEntry(RunVariables.REASON_CODE, "Completed");
        assertThat(calls).containsSubsequence("undeployReplicas", "releaseGpus", "finishRun");
    }

    @Test
    void aJobAlreadyOverWhenItsStartIsNoticedSucceedsWithoutWaitingForItsEnd() {
        exitedBeforeNoticed = true;
        ProcessInstance run = start();
        execute(job(run));

        correlate("ReplicasReady");

        assertThat(run).isEnded().hasPassedInOrder("ReplicasReady", "MarkRunning", "AlreadyExited", "OutcomeSucceeded",
                "CleanUp", "FinishRun", "RunEnded");
        assertThat(run).hasNotPassed("AwaitEnd", "ReplicasExited");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "SUCCEEDED")
                .doesNotContainKey(RunVariables.REPLICAS_ALREADY_EXITED);
        assertThat(calls).containsSubsequence("markRunning", "undeployReplicas", "releaseGpus", "finishRun");
    }

    @Test
    void aRunWhoseReplicasAreUpOnceDeployedIsRunningWithoutWaiting() {
        when(deployments.deploy(any())).thenReturn(true);
        ProcessInstance run = start();

        execute(job(run));

        assertThat(run).isWaitingAt("AwaitEnd").hasPassedInOrder("DeployReplicas", "AlreadyUp", "MarkRunning", "AlreadyExited");
        assertThat(run).hasNotPassed("AwaitReady", "ReplicasReady");
        correlate("ReplicasExited");
        assertThat(run).isEnded().hasPassedInOrder("ReplicasExited", "OutcomeSucceeded", "FinishRun");
    }

    @Test
    void aQueuedRunWaitsForCapacityThenStarts() {
        admitNow = false;
        ProcessInstance run = start();

        assertThat(run).isWaitingAt("WaitInQueue");
        assertThat(calls).doesNotContain("allocateGpus");
        correlate("CapacityGranted");

        assertThat(run).isWaitingAt("DeployReplicas").hasPassedInOrder("RequestGpus", "WaitInQueue", "AllocateGpus");
    }

    @Test
    void aRunStoppedWhileQueuedReleasesNothingAndEndsStopped() {
        admitNow = false;
        ProcessInstance run = start();
        correlate("StopRequested");
        execute(job(run));
        assertThat(run).isWaitingAt("FinishStopped");
        execute(job(run));

        assertThat(run).isEnded().hasPassedInOrder("StopRequested", "MarkStopping", "StopCleanUp", "FinishStopped", "RunStopped");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "STOPPED");
        assertThat(calls).doesNotContain("releaseGpus", "undeployReplicas");
    }

    @Test
    void aRunStoppedWhileRunningIsUndeployedThenReleased() {
        ProcessInstance run = startAndRun();

        correlate("StopRequested");
        assertThat(run).isWaitingAt("MarkStopping");
        execute(job(run));
        assertThat(run).isWaitingAt("FinishStopped");
        execute(job(run));

        assertThat(run).isEnded().hasPassedInOrder("MarkRunning", "StopRequested", "MarkStopping", "StopCleanUp",
                "FinishStopped", "RunStopped");
        assertThat(run).hasNotPassed("FinishRun");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "STOPPED");
        assertThat(calls).containsSubsequence("undeployReplicas", "releaseGpus", "finishRun");
    }

    @Test
    void aRunKilledWhileRunningEndsKilled() {
        ProcessInstance run = startAndRun();

        runtimeService().createMessageCorrelation("StopRequested").processInstanceBusinessKey("r1")
                .setVariable(RunVariables.STOP_AS, "KILLED").correlate();
        execute(job(run));
        execute(job(run));

        assertThat(run).isEnded().hasPassedInOrder("StopRequested", "MarkStopping", "StopCleanUp", "FinishStopped", "RunKilled");
        assertThat(run).hasNotPassed("RunStopped");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "KILLED");
        assertThat(calls).containsSubsequence("undeployReplicas", "releaseGpus", "finishRun");
    }

    @Test
    void aDeployFailureIsRetriedThenFailsTheRunAndReleasesItsGpus() {
        doThrow(new DeployFailedException("program 'pyhton' was not found", null)).when(deployments).deploy(any());
        ProcessInstance run = start();

        assertThatThrownBy(() -> execute(job(run))).isInstanceOf(DeployFailedException.class);
        assertThat(job(run).getRetries()).isEqualTo(2);
        assertThatThrownBy(() -> execute(job(run))).isInstanceOf(DeployFailedException.class);
        assertThat(job(run).getRetries()).isEqualTo(1);
        execute(job(run));

        assertThat(run).isEnded().hasPassedInOrder("AllocateGpus", "DeployFailed", "OutcomeDeployFailed", "CleanUp", "FinishRun");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "FAILED").containsEntry(RunVariables.REASON_CODE, "DeployFailed")
                .containsEntry(RunVariables.DEPLOY_ERROR, "program 'pyhton' was not found");
        assertThat(calls).contains("releaseGpus").doesNotContain("undeployReplicas", "markRunning");
    }

    @Test
    void replicasThatAreNotReadyInTimeFailTheRun() {
        ProcessInstance run = start();
        execute(job(run));

        execute(job(run));  // the startup timer

        assertThat(run).isEnded().hasPassedInOrder("DeployReplicas", "StartupTimedOut", "OutcomeStartupTimeout", "CleanUp", "FinishRun");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "FAILED").containsEntry(RunVariables.REASON_CODE, "StartupTimeout");
        assertThat(calls).containsSubsequence("undeployReplicas", "releaseGpus");
    }

    @Test
    void aReplicaCrashFailsTheRun() {
        ProcessInstance run = startAndRun();

        correlate("ReplicaFailed");

        assertThat(run).isEnded().hasPassedInOrder("MarkRunning", "ReplicaFailedRunning", "ReplicaFailed", "OutcomeReplicaFailed",
                "CleanUp", "FinishRun");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "FAILED").containsEntry(RunVariables.REASON_CODE, "ReplicaFailed");
    }

    @Test
    void aReplicaCrashWhileStartingFailsTheRun() {
        ProcessInstance run = start();
        execute(job(run));

        correlate("ReplicaFailed");

        assertThat(run).isEnded().hasPassedInOrder("ReplicaFailedStarting", "ReplicaFailed", "OutcomeReplicaFailed", "FinishRun");
    }

    @Test
    void theActiveDeadlineFailsARunningRun() {
        ProcessInstance run = startAndRun();

        execute(job(run));  // the deadline timer

        assertThat(run).isEnded().hasPassedInOrder("MarkRunning", "DeadlinePassed", "OutcomeDeadlineExceeded", "CleanUp", "FinishRun");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "FAILED").containsEntry(RunVariables.REASON_CODE, "DeadlineExceeded");
    }

    @Test
    void aStartThatIsNotAllowedEndsAtStartRefused() {
        refuseStart = true;
        ProcessInstance run = start();

        assertThat(run).isEnded().hasPassedInOrder("OpenRun", "CanStart", "StartRefused");
        assertThat(run).variables().containsEntry(RunVariables.REFUSAL, "task t1 is RUNNING");
        assertThat(calls).containsExactly("openRun");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(RunVariables.PROCESS_KEY, "r1",
                Map.of(RunVariables.TASK_ID, "t1", RunVariables.RUN_ID, "r1", RunVariables.STARTUP_TIMEOUT, "PT10M"));
    }

    private ProcessInstance startAndRun() {
        ProcessInstance run = start();
        execute(job(run));
        correlate("ReplicasReady");
        assertThat(run).isWaitingAt("AwaitEnd");
        return run;
    }

    private static void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("r1").correlate();
    }

    private JavaDelegate recording(String name, JavaDelegate behaviour) {
        return execution -> {
            calls.add(name);
            behaviour.execute(execution);
        };
    }
}
