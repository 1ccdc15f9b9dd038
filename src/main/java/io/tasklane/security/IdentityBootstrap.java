package io.tasklane.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure the admin group exists with every Camunda permission (Cockpit, Tasklist, Admin), then
 * creates the first users: the documented dev users on the embedded default, or the admin named
 * by TASKLANE_ADMIN_USER / TASKLANE_ADMIN_PASSWORD, and Prometheus's scrape user when its password is
 * configured (TASKLANE_METRICS_SCRAPE_USER / TASKLANE_METRICS_SCRAPE_PASSWORD; a user in no group and no
 * project: it may read /actuator/prometheus and nothing else). Existing users are never changed.
 */
@Component
@Order(20)
class IdentityBootstrap implements ApplicationRunner {

    static final String DEMO_PROJECT = "demo";
    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final ProjectService projects;
    private final SecurityProperties properties;
    private final MetricsProperties metrics;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, ProjectService projects,
                      SecurityProperties properties, MetricsProperties metrics) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.projects = projects;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdminGroup();
        if (properties.devUsers()) {
            createDevUsers();
        }
        if (hasText(properties.adminUser()) && hasText(properties.adminPassword())) {
            if (createUser(properties.adminUser(), properties.adminPassword(), "Tasklane", "Admin")) {
                log.info("Created admin user '{}' from TASKLANE_ADMIN_USER", properties.adminUser());
            }
            makeAdmin(properties.adminUser());
        } else if (identity.createUserQuery().memberOfGroup(Caller.ADMIN_GROUP).count() == 0) {
            log.warn("No user is in group '{}'. Set TASKLANE_ADMIN_USER and TASKLANE_ADMIN_PASSWORD to create the first admin.",
                    Caller.ADMIN_GROUP);
        }
        if (hasText(metrics.scrapeUser()) && hasText(metrics.scrapePassword())
                && createUser(metrics.scrapeUser(), metrics.scrapePassword(), "Prometheus", "Scraper")) {
            log.info("Created scrape user '{}' from TASKLANE_METRICS_SCRAPE_USER", metrics.scrapeUser());
        }
    }

    private void createDevUsers() {
        projects.ensureProject(DEMO_PROJECT, "Demo project of the embedded default");
        boolean created = createUser("admin", "admin", "Dev", "Admin");
        makeAdmin("admin");
        projects.ensureMember(DEMO_PROJECT, "admin");
        created |= createUser("alice", "alice", "Alice", "Engineer");
        projects.ensureMember(DEMO_PROJECT, "alice");
        if (created) {
            log.warn("Created dev users admin/admin (group {}) and alice/alice (project {}). "
                    + "They are for a developer's machine only; the postgres profile creates none.",
                    Caller.ADMIN_GROUP, DEMO_PROJECT);
        }
    }

    /**
     * Tasklane's admin group, and Camunda's own admin group: the webapps show their first-user setup page
     * as long as nobody is in "camunda-admin", so Tasklane's admins are put in both.
     */
    private void ensureAdminGroup() {
        ensureGroup(Caller.ADMIN_GROUP, "Tasklane admins");
        ensureGroup(Groups.CAMUNDA_ADMIN, "Camunda administrators");
        for (Resource resource : Resources.values()) {
            grantAll(resource);
        }
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
    }

    private void makeAdmin(String userId) {
        addToGroup(userId, Caller.ADMIN_GROUP);
        addToGroup(userId, Groups.CAMUNDA_ADMIN);
    }

    private void grantAll(Resource resource) {
        boolean granted = authorizations.createAuthorizationQuery()
                .groupIdIn(Caller.ADMIN_GROUP).resourceType(resource).resourceId(Authorization.ANY).count() > 0;
        if (!granted) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(Caller.ADMIN_GROUP);
            authorization.setResource(resource);
            authorization.setResourceId(Authorization.ANY);
            authorization.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(authorization);
        }
    }

    /** Creates the user unless it exists; true when it was created. */
    private boolean createUser(String id, String password, String firstName, String lastName) {
        if (identity.createUserQuery().userId(id).count() > 0) {
            return false;
        }
        User user = identity.newUser(id);
        user.setPassword(password);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        identity.saveUser(user);
        return true;
    }

    private void addToGroup(String userId, String groupId) {
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
