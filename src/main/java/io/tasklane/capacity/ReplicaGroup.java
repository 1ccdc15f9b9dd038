package io.tasklane.capacity;

import java.util.List;

/**
 * Replicas of one size in a gang: all of a task without roles, or one role of a distributed job. A gang's
 * groups number its replicas one after the other: the first group's are 0.., the next group's follow.
 */
public record ReplicaGroup(int replicas, int skuPerReplica) {

    /** SKUs of every replica of the gang together. */
    public static int totalSkus(List<ReplicaGroup> groups) {
        return groups.stream().mapToInt(g -> g.replicas * g.skuPerReplica).sum();
    }

    /** SKUs of the gang's largest replica, which must fit on one node. */
    public static int largestReplica(List<ReplicaGroup> groups) {
        return groups.stream().mapToInt(ReplicaGroup::skuPerReplica).max().orElse(0);
    }
}
