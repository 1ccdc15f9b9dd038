package io.tasklane.runtime;

import java.time.Instant;
import java.util.List;

import io.tasklane.common.RunId;

/** One replica of a run as Tasklane last saw it. */
public record RunInstance(RunId runId, int index, String node, List<Integer> gpus, InstanceState state, Long pid,
                          Integer port, Instant launchedAt, Instant readyAt, Instant finishedAt, Integer exitCode,
                          String message, String logPath) {
}
