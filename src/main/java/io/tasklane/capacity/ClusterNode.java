package io.tasklane.capacity;

/** A machine of a virtual cluster: how many SKUs it holds, and whether new work may land on it. */
public record ClusterNode(String name, int capacitySkus, boolean schedulable) {
}
