package io.tasklane.security;

/** A user's membership of a project, and their role in it. */
public record Membership(String userId, ProjectRole role) {
}
