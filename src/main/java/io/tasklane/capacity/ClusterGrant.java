package io.tasklane.capacity;

/** Permission for a user or group to run tasks on a cluster. */
public record ClusterGrant(PrincipalType type, String principal) {
}
