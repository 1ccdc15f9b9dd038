package io.tasklane.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tasklane.common.RunId;
import io.tasklane.sizing.RunResizer;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The resize path of processes/task-run.bpmn (non-interrupting event subprocess "Resize requested"):
 * a resize leaves the run running, a grow waits for GrowGranted then deploys the added replicas, and a
 * run that ends while a grow waits still ends.
 */
@Deployment(resources = "task-run.bpmn")
class TaskRunResizeProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final List<String> calls = new ArrayList<>();
    final RunResizer resizer = mock(RunResizer.class);

    @BeforeEach
    void registerDelegates() {
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine.getProcessEngine());
        for (String name : List.of("openRun", "releaseGpus", "undeployReplicas", "markRunning", "finishRun", "deployReplicas")) {
            Mocks.register(name, recording(name, e -> { }));
        }
        Mocks.register("openRun", recording("openRun", e -> e.setVariable(RunVariables.START_REFUSED, false)));
        Mocks.register("deployReplicas", recording("deployReplicas",
                e -> e.setVariable(RunVariables.REPLICAS_ALREADY_UP, org.camunda.bpm.engine.variable.Variables.booleanValue(false, true))));
        Mocks.register("markRunning", recording("markRunning",
                e -> e.setVariable(RunVariables.REPLICAS_ALREADY_EXITED, org.camunda.bpm.engine.variable.Variables.booleanValue(false, true))));
        Mocks.register("requestGpus", recording("requestGpus", e -> e.setVariable(RunVariables.ADMITTED, true)));
        Mocks.register("allocateGpus", recording("allocateGpus",
                e -> e.setVariable(RunVariables.DEADLINE_AT, Instant.now().plusSeconds(3600).toString())));
        Mocks.register("recordOutcome", new RecordOutcomeListener());
        Mocks.register("markStopping", recording("markStopping", e -> e.getProcessInstance().setVariable(RunVariables.OUTCOME,
                MarkStoppingDelegate.requestedOutcome(e))));
        Mocks.register("resizeRun", recording("resizeRun", new ResizeRunDelegate(resizer)::execute));
        Mocks.register("deployAddedReplicas", recording("deployAddedReplicas", new DeployAddedReplicasDelegate(resizer)::execute));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aShrinkIsAppliedAtOnceAndTheRunKeepsRunning() {
        when(resizer.apply(any())).thenReturn(false);
        ProcessInstance run = startAndRun();

        requestResize();

        assertThat(run).isWaitingAt("AwaitEnd").hasPassedInOrder("ResizeRequested", "ResizeRun", "GrowWaits", "Resized");
        assertThat(run).hasNotPassed("GrowGranted");
        verify(resizer).apply(new RunId("r1"));
    }

    @Test
    void aGrowWaitsForItsGpusThenDeploysTheAddedReplicas() {
        when(resizer.apply(any())).thenReturn(true);
        ProcessInstance run = startAndRun();

        requestResize();
        assertThat(run).isWaitingAt("AwaitEnd", "GrowGranted");
        correlate(RunVariables.GROW_GRANTED);
        execute(jobQuery().activityId("DeployAddedReplicas").singleResult());

        assertThat(run).isWaitingAt("AwaitEnd").hasPassedInOrder("ResizeRun", "GrowWaits", "GrowGranted", "DeployAddedReplicas", "Grown");
        verify(resizer).deployAdded(new RunId("r1"));
        assertThat(runtimeService().getVariables(run.getId())).doesNotContainKey(RunVariables.GROW_QUEUED);
    }

    @Test
    void aRunThatFailsWhileAGrowWaitsStillEnds() {
        when(resizer.apply(any())).thenReturn(true);
        ProcessInstance run = startAndRun();
        requestResize();

        correlate(RunVariables.REPLICA_FAILED);

        assertThat(run).isEnded().hasPassed("OutcomeReplicaFailed", "CleanUp", "FinishRun", "RunEnded").hasNotPassed("DeployAddedReplicas");
        assertThat(calls).containsSubsequence("undeployReplicas", "releaseGpus", "finishRun");
    }

    @Test
    void aStopWhileAGrowWaitsEndsTheRunStopped() {
        when(resizer.apply(any())).thenReturn(true);
        ProcessInstance run = startAndRun();
        requestResize();

        correlate(RunVariables.STOP_REQUESTED);
        execute(jobQuery().activityId("MarkStopping").singleResult());
        execute(jobQuery().activityId("FinishStopped").singleResult());

        assertThat(run).isEnded().hasPassed("RunStopped").hasNotPassed("DeployAddedReplicas");
        assertThat(run).variables().containsEntry(RunVariables.OUTCOME, "STOPPED");
    }

    private ProcessInstance startAndRun() {
        ProcessInstance run = runtimeService().startProcessInstanceByKey(RunVariables.PROCESS_KEY, "r1",
                Map.of(RunVariables.TASK_ID, "t1", RunVariables.RUN_ID, "r1", RunVariables.STARTUP_TIMEOUT, "PT10M"));
        execute(job(run));
        correlate(RunVariables.REPLICAS_READY);
        assertThat(run).isWaitingAt("AwaitEnd");
        return run;
    }

    /** ResizeRequested, then the asynchronous "Resize the run" (the caller's transaction only records the request). */
    private static void requestResize() {
        correlate(RunVariables.RESIZE_REQUESTED);
        execute(jobQuery().activityId("ResizeRun").singleResult());
    }

    private static void correlate(String message) {
        runtimeService().createMessageCorrelation(message).processInstanceBusinessKey("r1").correlateAll();
    }

    private JavaDelegate recording(String name, JavaDelegate behaviour) {
        return execution -> {
            calls.add(name);
            behaviour.execute(execution);
        };
    }
}
