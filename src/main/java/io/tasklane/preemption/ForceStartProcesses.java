package io.tasklane.preemption;

import java.util.Optional;

/** The force-start process in the engine, seen from the domain. */
public interface ForceStartProcesses {

    /** Starts the process (it plans at once) in the caller's transaction. */
    void start(ForceStartId id);

    /** The id of the open "Confirm force start" user task, if the process waits for one. */
    Optional<String> confirmationTaskId(ForceStartId id);

    /** Completes the confirmation as {@code userId} would in Tasklist. False if none waits. */
    boolean decide(ForceStartId id, String userId, boolean confirm);

    /** Tells the process its pinned task left the queue: admitted, stopped or unpinned. */
    void pinEnded(ForceStartId id);
}
