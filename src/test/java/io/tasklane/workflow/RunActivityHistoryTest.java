package io.tasklane.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.junit.jupiter.api.Test;

class RunActivityHistoryTest {

    @Test
    void aRunKeepsItsProcessInstanceAndTheVariablesThatSayHowItWentButNotItsStepsOrBookkeeping() {
        assertThat(RunActivityHistory.kept(of(new HistoricProcessInstanceEventEntity(), "task-run"))).isTrue();
        assertThat(RunActivityHistory.kept(of(new HistoricActivityInstanceEventEntity(), "task-run"))).isFalse();
        for (String told : new String[] {"outcome", "reasonCode", "stopAs", "deployError", "startRefused", "refusal"}) {
            assertThat(RunActivityHistory.kept(variable("task-run", told))).as(told).isTrue();
        }
        for (String bookkeeping : new String[] {"taskId", "runId", "startupTimeout", "deadlineAt", "growQueued"}) {
            assertThat(RunActivityHistory.kept(variable("task-run", bookkeeping))).as(bookkeeping).isFalse();
        }
    }

    @Test
    void otherProcessesKeepTheirWholeHistory() {
        assertThat(RunActivityHistory.kept(of(new HistoricActivityInstanceEventEntity(), "force-start"))).isTrue();
        assertThat(RunActivityHistory.kept(variable("task-schedule", "taskId"))).isTrue();
        assertThat(RunActivityHistory.kept(variable("pin-request", "runId"))).isTrue();
    }

    private static HistoryEvent variable(String processKey, String name) {
        HistoricVariableUpdateEventEntity event = new HistoricVariableUpdateEventEntity();
        event.setVariableName(name);
        return of(event, processKey);
    }

    private static HistoryEvent of(HistoryEvent event, String processKey) {
        event.setProcessDefinitionKey(processKey);
        return event;
    }
}
