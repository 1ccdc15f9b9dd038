package io.tasklane.runtime;

import java.time.Instant;
import java.util.List;

/**
 * One replica of a run as people read it: where it runs and how it is, with its role, role index and rank in
 * a distributed run (null otherwise), where its log is, and on Kubernetes its pod and container.
 */
public record InstanceView(int index, String role, Integer roleIndex, Integer rank, String node, List<Integer> gpus,
                           InstanceState state, Long pid, Integer port, Instant launchedAt, Instant readyAt,
                           Instant finishedAt, Integer exitCode, String message, String logUrl, String pod,
                           String container) {
}
