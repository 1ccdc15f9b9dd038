package io.tasklane.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * On completing a review or confirmation: remembers who decided, the admin working in Tasklist (the
 * signed-in user) or, over Tasklane's API, the admin the task was claimed for.
 */
@Component("recordDecider")
class RecordDeciderListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        // The engine's own services, from the task: injecting IdentityService would make this listener, which
        // the engine needs to start, depend on the engine.
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        Authentication signedIn = identity.getCurrentAuthentication();
        String decider = signedIn != null && signedIn.getUserId() != null ? signedIn.getUserId() : task.getAssignee();
        task.getExecution().getProcessInstance().setVariable(AdminVariables.DECIDED_BY, decider != null ? decider : "unknown");
    }
}
