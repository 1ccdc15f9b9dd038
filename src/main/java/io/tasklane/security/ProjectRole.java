package io.tasklane.security;

/**
 * A member's role in a project. Every member runs the project's tasks; a manager also sees every member's
 * usage in the project and adds and removes plain members. Only admins appoint or remove managers.
 */
public enum ProjectRole {
    MEMBER, MANAGER
}
