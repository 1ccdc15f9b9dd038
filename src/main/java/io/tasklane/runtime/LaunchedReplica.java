package io.tasklane.runtime;

import java.time.Instant;

/** A replica a runtime has launched: its process id (if any), port, log file and launch time. */
public record LaunchedReplica(int index, Long pid, Integer port, String logPath, Instant launchedAt) {
}
