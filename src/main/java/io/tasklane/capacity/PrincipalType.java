package io.tasklane.capacity;

/** A grant goes to one user or to every member of a group. */
public enum PrincipalType {
    USER,
    GROUP
}
