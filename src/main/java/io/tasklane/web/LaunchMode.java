package io.tasklane.web;

/** What the Launch wizard makes: a new task, a copy of a task, or a new configuration of a task that is not active. */
public enum LaunchMode {
    NEW, COPY, EDIT
}
