package io.tasklane.api.authz;

import io.tasklane.support.Api;
import io.tasklane.support.Fixtures;

/**
 * Who calls, as the columns of the authorization matrices. The tasks of the matrices belong to project demo and
 * run on cluster levers: alice is a member granted levers, carol a member of another project, erin a member of
 * demo without any cluster grant.
 */
enum Role {
    ANONYMOUS(null),
    MEMBER("alice"),
    OTHER_PROJECT("carol"),
    NO_CLUSTER_GRANT(Fixtures.UNGRANTED_MEMBER),
    ADMIN("admin");

    private final String user;

    Role(String user) {
        this.user = user;
    }

    /** The user's id; a made-up one for anonymous, where a request body needs one. */
    String user() {
        return user == null ? "nobody" : user;
    }

    Api api(Api anonymous) {
        return user == null ? anonymous : anonymous.as(user);
    }
}
