package io.tasklane.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class IdentityBootstrapTest {

    static final MetricsProperties NO_SCRAPE_USER = new MetricsProperties(null, null, false);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    ProjectService projects;

    @Test
    void theFirstAdminComesFromTheEnvironmentAndIsNeverOverwritten() {
        new IdentityBootstrap(identity, authorizations, projects, new SecurityProperties(false, "ops-admin", "s3cret", java.time.Duration.ZERO), NO_SCRAPE_USER).run(null);
        new IdentityBootstrap(identity, authorizations, projects, new SecurityProperties(false, "ops-admin", "changed", java.time.Duration.ZERO), NO_SCRAPE_USER).run(null);

        Api api = Api.anonymous(port);
        assertThat(api.as("ops-admin", "s3cret").get("/api/v1/clusters").items("name")).contains("a100", "private");
        assertThat(identity.checkPassword("ops-admin", "changed")).isFalse();
    }

    @Test
    void theScrapeUserComesFromItsPasswordIsNeverOverwrittenAndIsNoAdmin() {
        SecurityProperties noAdmin = new SecurityProperties(false, null, null, java.time.Duration.ZERO);
        new IdentityBootstrap(identity, authorizations, projects, noAdmin, new MetricsProperties("scraper-2", "first", false)).run(null);
        new IdentityBootstrap(identity, authorizations, projects, noAdmin, new MetricsProperties("scraper-2", "second", false)).run(null);
        new IdentityBootstrap(identity, authorizations, projects, noAdmin, new MetricsProperties("scraper-3", null, false)).run(null);

        assertThat(identity.checkPassword("scraper-2", "first")).isTrue();
        assertThat(identity.checkPassword("scraper-2", "second")).isFalse();
        assertThat(identity.createUserQuery().userId("scraper-2").memberOfGroup(Caller.ADMIN_GROUP).count()).isZero();
        assertThat(identity.createUserQuery().userId("scraper-3").count()).as("no password, no user").isZero();
    }

    @Test
    void theDevUsersExistWithTheirDocumentedRoles() {
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Caller.ADMIN_GROUP).count()).isEqualTo(1);
        assertThat(identity.createUserQuery().userId("alice").memberOfGroup(Caller.ADMIN_GROUP).count()).isZero();
        assertThat(projects.members(new Caller("admin", java.util.Set.of(Caller.ADMIN_GROUP)), "demo")).contains("admin", "alice");
    }

    @Test
    void theAdminGroupHoldsEveryCamundaPermission() {
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Caller.ADMIN_GROUP)
                .resourceId(org.camunda.bpm.engine.authorization.Authorization.ANY).count())
                .isEqualTo(org.camunda.bpm.engine.authorization.Resources.values().length);
    }
}
