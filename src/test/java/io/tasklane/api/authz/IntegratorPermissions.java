package io.tasklane.api.authz;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Camunda permissions for integrators, given to users for a test and taken back after it: those it takes to start
 * runs over {@code /engine-rest}, and the broader "start any process" an admin might grant.
 */
final class IntegratorPermissions {

    private final AuthorizationService authorizations;
    private final List<String> granted = new ArrayList<>();

    IntegratorPermissions(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /**
     * What it takes to start a run by key: Read (to find the definition by its key; without it the answer is 404)
     * and Create instance on process definition task-run, Create on process instances.
     */
    void grantRunStarts(List<String> users) {
        users.forEach(user -> {
            grant(user, Resources.PROCESS_DEFINITION, "task-run", Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(user, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        });
    }

    /** Read and Create instance on every process definition: more than runs need, as an admin might grant it. */
    List<String> grantAnyStart(List<String> users) {
        return users.stream().map(user -> grant(user, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.CREATE_INSTANCE)).toList();
    }

    void revoke(List<String> ids) {
        ids.forEach(authorizations::deleteAuthorization);
        granted.removeAll(ids);
    }

    void revokeAll() {
        revoke(List.copyOf(granted));
    }

    private String grant(String user, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(user);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        String id = authorizations.saveAuthorization(authorization).getId();
        granted.add(id);
        return id;
    }
}
