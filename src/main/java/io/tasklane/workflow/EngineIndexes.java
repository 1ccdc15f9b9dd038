package io.tasklane.workflow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes Tasklane's own queries on the engine's tables need, added once the engine has created its
 * schema. Run progress asks which messages a run's process waits for by process instance, and the
 * engine's schema has no index on the subscriptions' process instance column: with thousands of live
 * runs each question scanned the whole table.
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_EVENT_SUBSCR";
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists TASKLANE_IDX_EVENT_SUBSCR_PROC_INST on " + table + " (PROC_INST_ID_)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not add Tasklane's index to " + table + ": " + e.getMessage(), e);
        }
    }
}
