package io.tasklane.support;

import java.util.Set;

import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * People beyond the dev users: carol (group ml-team, project vision, so cluster a100 through her
 * group), bob (no project, no cluster), dave (for failed logins, which lock a user for a while) and erin
 * (project demo like alice, but no cluster granted: she sees demo's tasks and may not run them).
 * Passwords equal user ids.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Fixtures {

    public static final String VISION = "vision";
    public static final String ML_TEAM = "ml-team";
    /** A member of project demo without any cluster grant. */
    public static final String UNGRANTED_MEMBER = "erin";
    /** The dev admin as the domain services see a caller, for tests that call them directly. */
    public static final Caller ADMIN = new Caller("admin", Set.of(Caller.ADMIN_GROUP));

    @Bean
    @Order(30)
    ApplicationRunner testPeople(IdentityService identity, ProjectService projects) {
        return args -> {
            if (identity.createGroupQuery().groupId(ML_TEAM).count() == 0) {
                Group group = identity.newGroup(ML_TEAM);
                group.setName("ML team");
                identity.saveGroup(group);
            }
            user(identity, "carol");
            user(identity, "bob");
            user(identity, "dave");
            user(identity, UNGRANTED_MEMBER);
            if (identity.createUserQuery().userId("carol").memberOfGroup(ML_TEAM).count() == 0) {
                identity.createMembership("carol", ML_TEAM);
            }
            projects.ensureProject(VISION, "Computer vision");
            projects.ensureMember(VISION, "carol");
            projects.ensureMember("demo", UNGRANTED_MEMBER);
        };
    }

    private static void user(IdentityService identity, String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(id);
            user.setFirstName(id);
            user.setLastName("Test");
            identity.saveUser(user);
        }
    }
}
