package io.tasklane.usage;

import java.time.Instant;

/**
 * One period a replica of a run held SKUs: from its allocation to its release ({@code to} is null while it
 * still holds them). A resize opens or closes the periods of the replicas it adds or removes.
 */
public record UsagePeriod(String runId, int replicaIndex, String taskId, String taskName, String project, String user,
                          String cluster, String node, int skus, int gpus, Instant from, Instant to) {
}
