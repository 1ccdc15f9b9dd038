package io.tasklane.workflow;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps no activity-instance history for task-run processes (unless {@code tasklane.engine.run-activity-history}
 * is on). A run's steps are already written to Tasklane's own history (the task's events, what users and the console
 * read), and Cockpit shows where a live run waits from the runtime tables; the engine's row per step passed (an insert,
 * an update and a read each) was about a tenth of the statements a run costs. Everything else is kept as the history
 * level says: the run's process instance and variables (an integrator reads why a start over engine-rest was refused),
 * and the full history of the pin, force-start and schedule processes, whose steps are people's decisions.
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

    static boolean kept(HistoryEvent event) {
        return !(event instanceof HistoricActivityInstanceEventEntity && RunVariables.PROCESS_KEY.equals(event.getProcessDefinitionKey()));
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
