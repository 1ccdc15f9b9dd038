package io.tasklane.security;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes {@code tasklane-admins} a Camunda admin group, so admins pass the engine's authorization
 * checks, and widens the engine's id whitelist (letters and digits only by default) so that group
 * and user ids such as {@code ml-platform} or {@code jane.doe} are accepted.
 */
@Component
class AdminGroupPlugin extends AbstractProcessEnginePlugin {

    static final String ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9._@-]*";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var adminGroups = configuration.getAdminGroups() == null
                ? new ArrayList<String>()
                : new ArrayList<>(configuration.getAdminGroups());
        if (!adminGroups.contains(Caller.ADMIN_GROUP)) {
            adminGroups.add(Caller.ADMIN_GROUP);
        }
        configuration.setAdminGroups(adminGroups);
        configuration.setUserResourceWhitelistPattern(ID_PATTERN);
        configuration.setGroupResourceWhitelistPattern(ID_PATTERN);
    }
}
