package io.tasklane.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine settings the task-run process depends on. Batched statements flushed a run's end from the
 * stop event subprocess in an order PostgreSQL refused (the process instance's execution deleted
 * before its child: a foreign-key failure); statement by statement the order holds.
 */
@Component
class EngineSettingsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setJdbcBatchProcessing(false);
    }
}
