package io.tasklane.workflow;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * On reaching an outcome event ("Succeeded", "Failed: ..."): remembers the final state and reason code the event
 * names, for "Record the final state" after the clean-up. The event names them as its extension properties
 * {@code outcome} and {@code reasonCode} (Camunda Modeler: Extension properties), read from the process model once
 * per process version and event: input parameters, as earlier versions of task-run had, were two more variables per
 * run, each written, kept in history and deleted. Runs of those earlier versions still carry them and are read so.
 */
@Component("recordOutcome")
class RecordOutcomeListener implements ExecutionListener {

    static final String OUTCOME_PROPERTY = "outcome";
    static final String REASON_CODE_PROPERTY = "reasonCode";

    /** The outcome each event of each process version names, by "definition id/activity id". */
    private final Map<String, Optional<Outcome>> named = new ConcurrentHashMap<>();

    @Override
    public void notify(DelegateExecution execution) {
        Outcome outcome = named.computeIfAbsent(execution.getProcessDefinitionId() + "/" + execution.getCurrentActivityId(),
                        key -> namedBy(execution.getBpmnModelElementInstance()))
                .orElseGet(() -> new Outcome(execution.getVariableLocal(RunVariables.OUTCOME_STATE_INPUT),
                        execution.getVariableLocal(RunVariables.OUTCOME_CODE_INPUT)));
        execution.getProcessInstance().setVariable(RunVariables.OUTCOME, outcome.state());
        execution.getProcessInstance().setVariable(RunVariables.REASON_CODE, outcome.reasonCode());
    }

    /** The outcome an event's extension properties name, if they name both parts. */
    static Optional<Outcome> namedBy(BaseElement event) {
        ExtensionElements extensions = event == null ? null : event.getExtensionElements();
        if (extensions == null) {
            return Optional.empty();
        }
        Map<String, String> properties = new java.util.HashMap<>();
        extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(list -> list.getCamundaProperties().stream())
                .filter(property -> property.getCamundaName() != null)
                .forEach(property -> properties.put(property.getCamundaName(), property.getCamundaValue()));
        String state = properties.get(OUTCOME_PROPERTY);
        String code = properties.get(REASON_CODE_PROPERTY);
        return state == null || code == null ? Optional.empty() : Optional.of(new Outcome(state, code));
    }

    record Outcome(Object state, Object reasonCode) {
    }
}
