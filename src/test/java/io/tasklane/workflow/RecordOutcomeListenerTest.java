package io.tasklane.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.junit.jupiter.api.Test;

class RecordOutcomeListenerTest {

    @Test
    void everyOutcomeEventOfTaskRunNamesItsFinalStateAndReasonCode() throws Exception {
        BpmnModelInstance model;
        try (InputStream bpmn = Files.newInputStream(Path.of("processes/task-run.bpmn"))) {
            model = Bpmn.readModelFromStream(bpmn);
        }
        Map<String, String> named = new TreeMap<>();
        model.getModelElementsByType(IntermediateThrowEvent.class).forEach(event -> RecordOutcomeListener.namedBy(event)
                .ifPresent(outcome -> named.put(event.getName(), outcome.state() + "/" + outcome.reasonCode())));

        assertThat(named).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Succeeded", "SUCCEEDED/Completed",
                "Failed: a replica failed", "FAILED/ReplicaFailed",
                "Failed: startup timed out", "FAILED/StartupTimeout",
                "Failed: deadline exceeded", "FAILED/DeadlineExceeded",
                "Failed: deploy failed", "FAILED/DeployFailed"));
    }

    @Test
    void anEventWithoutThePropertiesNamesNoOutcome() {
        // As in task-run versions before the properties: the listener, and the outcome as input parameters.
        BpmnModelInstance model = Bpmn.createProcess("p").startEvent().intermediateThrowEvent("half")
                .camundaExecutionListenerDelegateExpression("start", "${recordOutcome}").camundaInputParameter("outcomeState", "FAILED")
                .endEvent().done();
        assertThat(RecordOutcomeListener.namedBy(model.getModelElementById("half"))).isEmpty();
        assertThat(RecordOutcomeListener.namedBy(null)).isEmpty();
    }
}
