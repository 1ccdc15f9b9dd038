package io.tasklane.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** The identity service seen from Tasklane: who exists. Users themselves are managed in Camunda Admin. */
@Component
public class UserDirectory {

    private final IdentityService identityService;

    UserDirectory(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean userExists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    public boolean groupExists(String groupId) {
        return identityService.createGroupQuery().groupId(groupId).count() > 0;
    }
}
