package io.tasklane.security;

import java.util.Set;

import io.tasklane.common.ForbiddenException;

/**
 * The authenticated person behind a request: their user id and the identity groups they belong to.
 * Domain services take a Caller to decide what it may see and change.
 */
public record Caller(String userId, Set<String> groups) {

    /** Members of this group see and act on every project and cluster. */
    public static final String ADMIN_GROUP = "tasklane-admins";

    public Caller {
        groups = Set.copyOf(groups);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN_GROUP);
    }

    /** 403 (field "caller") unless an admin: "only members of tasklane-admins may {@code what}". */
    public void requireAdmin(String what) {
        if (!isAdmin()) {
            throw new ForbiddenException("caller", "only members of " + ADMIN_GROUP + " may " + what);
        }
    }

    @Override
    public String toString() {
        return userId;
    }
}
