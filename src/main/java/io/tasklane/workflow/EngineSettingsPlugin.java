package io.tasklane.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine settings the task-run process depends on. JDBC batching is off while the foreign-key failure
 * at the end of some stopped runs is investigated (README, Known issues): it first showed up with
 * batched flushes, and statement by statement the failing statement is reported exactly.
 */
@Component
class EngineSettingsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setJdbcBatchProcessing(false);
    }
}
