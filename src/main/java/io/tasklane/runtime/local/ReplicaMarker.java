package io.tasklane.runtime.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a replica process carries in its environment from before it is forked: its run, task and index,
 * its exit file (under the runs directory of the Tasklane that launched it) and that Tasklane's JVM. So a
 * replica can be told apart from every other process on the host even when no database row names it,
 * which is the case when Tasklane died between launching it and recording it.
 */
record ReplicaMarker(String runId, String taskId, int index, Path exitFile, LauncherId launchedBy) {

    static final String RUN_ID = "TASKLANE_RUN_ID";
    static final String TASK_ID = "TASKLANE_TASK_ID";
    static final String REPLICA_INDEX = "TASKLANE_REPLICA_INDEX";
    static final String EXIT_FILE = "TASKLANE_EXIT_FILE";
    static final String LAUNCHED_BY = "TASKLANE_LAUNCHED_BY";

    /** The marker in a process's environment; empty if it is no Tasklane replica (or a malformed one). */
    static Optional<ReplicaMarker> in(Map<String, String> env) {
        String runId = env.get(RUN_ID);
        String index = env.get(REPLICA_INDEX);
        String exitFile = env.get(EXIT_FILE);
        if (runId == null || runId.isBlank() || index == null || exitFile == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReplicaMarker(runId, env.get(TASK_ID), Integer.parseInt(index), Path.of(exitFile),
                    LauncherId.parse(env.get(LAUNCHED_BY)).orElse(null)));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The variables that make the marker, for a replica about to be forked. */
    Map<String, String> asEnvironment() {
        return Map.of(RUN_ID, runId, TASK_ID, taskId, REPLICA_INDEX, String.valueOf(index), EXIT_FILE, exitFile.toString(),
                LAUNCHED_BY, launchedBy.toString());
    }

    /** Whether the replica belongs to the Tasklane whose runs directory is {@code runsDir}. */
    boolean under(Path runsDir) {
        return exitFile.toAbsolutePath().normalize().startsWith(runsDir.toAbsolutePath().normalize());
    }
}
