package io.tasklane.runtime;

import java.time.Instant;

/**
 * A replica a runtime has launched: its process id (if any), port, log file, launch time, and the state
 * it starts in: STARTED where launching means running (a host process), PENDING where it still has to
 * be scheduled and pulled (a pod) and the runtime reports when it starts.
 */
public record LaunchedReplica(int index, Long pid, Integer port, String logPath, Instant launchedAt, InstanceState initialState) {

    /** A replica that runs from the moment it is launched. */
    public LaunchedReplica(int index, Long pid, Integer port, String logPath, Instant launchedAt) {
        this(index, pid, port, logPath, launchedAt, InstanceState.STARTED);
    }
}
