package io.tasklane.workflow;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps no activity-instance history for task-run processes, nor the history of their bookkeeping variables (unless
 * {@code tasklane.engine.run-activity-history} is on). A run's steps are already written to Tasklane's own history
 * (the task's events, what users and the console read), and Cockpit shows where a live run waits from the runtime
 * tables; the engine's row per step passed (an insert, an update and a read each) was about a tenth of the statements a
 * run costs. The bookkeeping variables ({@link #BOOKKEEPING}: ids the business key and the run already say, timer
 * inputs) are another insert each. Everything else is kept as the history level says: the run's process instance and
 * the variables that say how it went (outcome, reasonCode, stopAs, deployError; startRefused and refusal, which an
 * integrator reads to learn why a start over engine-rest was refused), and the full history of the pin, force-start
 * and schedule processes, whose steps are people's decisions. Turning the setting on keeps everything from then on;
 * turn it on only with no run under way, as a run started without a variable's history cannot update it later.
 */
@Component
class RunActivityHistory extends AbstractProcessEnginePlugin {

    private final boolean keepRunActivities;

    RunActivityHistory(@Value("${tasklane.engine.run-activity-history:false}") boolean keepRunActivities) {
        this.keepRunActivities = keepRunActivities;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!keepRunActivities) {
            configuration.setHistoryEventHandler(new WithoutRunActivities(new DbHistoryEventHandler()));
        }
    }

    /** task-run variables whose history says nothing the run, its business key or its task's history do not. */
    static final Set<String> BOOKKEEPING = Set.of(RunVariables.TASK_ID, RunVariables.RUN_ID, RunVariables.STARTUP_TIMEOUT,
            RunVariables.DEADLINE_AT, RunVariables.GROW_QUEUED);

    static boolean kept(HistoryEvent event) {
        if (!RunVariables.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
            return true;
        }
        if (event instanceof HistoricActivityInstanceEventEntity) {
            return false;
        }
        return !(event instanceof HistoricVariableUpdateEventEntity variable && BOOKKEEPING.contains(variable.getVariableName()));
    }

    private record WithoutRunActivities(HistoryEventHandler database) implements HistoryEventHandler {

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
