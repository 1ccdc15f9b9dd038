package io.tasklane.workflow;

import java.util.ArrayList;
import java.util.Set;

import io.tasklane.security.Caller;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The pin-request, force-start and task-schedule processes act with Tasklane's authority: an admin's pin needs no
 * review, a force-start plans kills, a schedule starts its task as the schedule. Tasklane starts them itself
 * (nobody is signed in to the engine then); over the engine's APIs (engine-rest, Tasklist) only an admin may.
 * Camunda's "create instance" permission alone would let a user allowed to start any process pin a task without a
 * review, by starting pin-request with {@code byAdmin}.
 */
@Component
class AdminOnlyProcessStarts extends AbstractProcessEnginePlugin {

    static final Set<String> PROCESS_KEYS = Set.of(AdminVariables.PIN_PROCESS_KEY, AdminVariables.FORCE_START_PROCESS_KEY,
            ScheduleVariables.PROCESS_KEY);

    private static final ExecutionListener ADMINS_ONLY = AdminOnlyProcessStarts::requireAdminOrTasklane;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (PROCESS_KEYS.contains(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, ADMINS_ONLY);
                }
            }
        });
    }

    private static void requireAdminOrTasklane(DelegateExecution execution) {
        Authentication signedIn = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (signedIn == null || signedIn.getUserId() == null) {
            return;
        }
        if (signedIn.getGroupIds() == null || !signedIn.getGroupIds().contains(Caller.ADMIN_GROUP)) {
            String key = execution.getProcessDefinitionId().split(":")[0];
            throw new AuthorizationException(signedIn.getUserId(), Permissions.CREATE_INSTANCE.getName(),
                    Resources.PROCESS_DEFINITION.resourceName(), key);
        }
    }
}
