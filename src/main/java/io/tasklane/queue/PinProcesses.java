package io.tasklane.queue;

import java.util.Optional;

/** The pin-request process in the engine, seen from the domain. */
public interface PinProcesses {

    /**
     * Starts the review of a request in the caller's transaction. An admin's own request ({@code adminRequester}
     * not null) pins at once, decided by that admin.
     */
    void start(PinRequestId id, String adminRequester);

    /** The id of the request's open "Review pin request" user task, if it waits for one. */
    Optional<String> reviewTaskId(PinRequestId id);

    /** Completes the review as {@code userId} would in Tasklist. False if no review waits. */
    boolean decide(PinRequestId id, String userId, boolean approve, String comment);
}
