package io.tasklane.queue;

import java.util.Optional;

/** The pin-request process in the engine, seen from the domain. */
public interface PinProcesses {

    /** Starts the review of a request in the caller's transaction; an admin's own request pins at once. */
    void start(PinRequestId id, boolean byAdmin);

    /** The id of the request's open "Review pin request" user task, if it waits for one. */
    Optional<String> reviewTaskId(PinRequestId id);

    /** Completes the review as {@code userId} would in Tasklist. False if no review waits. */
    boolean decide(PinRequestId id, String userId, boolean approve, String comment);
}
