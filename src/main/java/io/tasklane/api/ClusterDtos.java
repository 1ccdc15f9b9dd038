package io.tasklane.api;

import java.util.List;

import io.tasklane.capacity.ClusterGrant;
import io.tasklane.capacity.ClusterNode;
import io.tasklane.capacity.ClusterSource;
import io.tasklane.capacity.PrincipalType;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.Sku;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.InvalidInputException;

/** Request and response bodies of the cluster API. */
final class ClusterDtos {

    private ClusterDtos() {
    }

    record ClusterResponse(String name, String gpuType, Sku sku, QueuePolicy queuePolicy, ClusterSource source,
                           List<ClusterNode> nodes, int totalSkus, int freeSkus) {

        static ClusterResponse of(VirtualCluster cluster, int freeSkus) {
            return new ClusterResponse(cluster.name(), cluster.gpuType(), cluster.sku(), cluster.queuePolicy(),
                    cluster.source(), cluster.nodes(), cluster.totalSkus(), freeSkus);
        }
    }

    record NodeRequest(Integer capacitySkus, Boolean schedulable) {

        ClusterNode toNode(String name) {
            return new ClusterNode(name, capacitySkus == null ? -1 : capacitySkus, schedulable == null || schedulable);
        }
    }

    record NamedNodeRequest(String name, Integer capacitySkus, Boolean schedulable) {

        ClusterNode toNode() {
            return new NodeRequest(capacitySkus, schedulable).toNode(name);
        }
    }

    record ClusterRequest(String name, String gpuType, Sku sku, QueuePolicy queuePolicy, List<NamedNodeRequest> nodes) {

        VirtualCluster toCluster() {
            List<ClusterNode> clusterNodes = nodes == null ? List.of()
                    : nodes.stream().map(n -> n == null ? new ClusterNode(null, -1, true) : n.toNode()).toList();
            return new VirtualCluster(name, gpuType, sku, queuePolicy, ClusterSource.API, clusterNodes);
        }
    }

    /** A grant names exactly one of a user or a group. */
    record GrantRequest(String user, String group) {

        ClusterGrant toGrant() {
            boolean hasUser = user != null && !user.isBlank();
            boolean hasGroup = group != null && !group.isBlank();
            if (hasUser == hasGroup) {
                throw new InvalidInputException(hasUser ? "group" : "user", "exactly-one", "name exactly one of user or group");
            }
            return hasUser ? new ClusterGrant(PrincipalType.USER, user) : new ClusterGrant(PrincipalType.GROUP, group);
        }
    }
}
