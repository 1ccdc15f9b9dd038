package io.tasklane.workflow;

import java.util.Map;

import io.tasklane.security.Caller;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filter "Tasklane approvals" at start-up (once): the pin reviews and force-start
 * confirmations waiting for an admin, claimed or not, for the admin group.
 */
@Component
class TasklistFilters implements ApplicationRunner {

    static final String APPROVALS = "Tasklane approvals";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (filters.createFilterQuery().filterName(APPROVALS).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(APPROVALS)
                .setQuery(tasks.createTaskQuery().taskCandidateGroup(Caller.ADMIN_GROUP).includeAssignedTasks())
                .setProperties(Map.of("description", "Pin requests to review and force-starts to confirm",
                        "priority", -10, "color", "#b5152b", "refresh", true));
        filters.saveFilter(filter);
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(Caller.ADMIN_GROUP);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
