package io.tasklane.usage;

import java.time.Instant;

/**
 * A project's quota on a cluster and its use against it: the most SKUs it may hold at once ({@code maxSkus}, null
 * when no quota is set but the project holds SKUs there) and how many it holds now.
 */
public record ProjectQuota(String project, String cluster, Integer maxSkus, int heldSkus, Instant updatedAt, String updatedBy) {
}
