package io.tasklane.task;

/**
 * A rule another module adds to every new start of a project's task (the API's, a schedule's, the console's, an
 * integrator's over Camunda's REST API). Runs already open are not its business.
 */
public interface StartGuard {

    /** Throws (a {@link io.tasklane.common.ConflictException} naming its rule) when {@code project} may not start a run now. */
    void requireStartAllowed(String project);
}
