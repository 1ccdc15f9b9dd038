package io.tasklane.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ClusterRepositoryTest {

    @Autowired
    ClusterRepository clusters;

    @AfterEach
    void removeTestCluster() {
        clusters.delete("repo-test");
    }

    @Test
    void aClusterAndItsNodesRoundTripAndSavingReplacesTheNodeList() {
        VirtualCluster cluster = new VirtualCluster("repo-test", "L4", new Sku(2, 16, 96), QueuePolicy.STRICT_FIFO,
                ClusterSource.API, List.of(new ClusterNode("n-1", 4, true), new ClusterNode("n-2", 2, false)));
        clusters.save(cluster, Instant.now());

        assertThat(clusters.findByName("repo-test")).contains(cluster);
        assertThat(clusters.findByName("repo-test").orElseThrow().totalSkus()).isEqualTo(4);

        clusters.save(new VirtualCluster("repo-test", "L4", new Sku(2, 16, 96), QueuePolicy.STRICT_FIFO, ClusterSource.API,
                List.of(new ClusterNode("n-3", 1, true))), Instant.now());
        assertThat(clusters.findByName("repo-test").orElseThrow().nodes()).extracting(ClusterNode::name).containsExactly("n-3");
    }

    @Test
    void grantsReachUsersDirectlyAndThroughGroups() {
        clusters.save(new VirtualCluster("repo-test", "L4", new Sku(1, 4, 16), QueuePolicy.BEST_EFFORT_FIFO,
                ClusterSource.API, List.of()), Instant.now());
        clusters.addGrant("repo-test", new ClusterGrant(PrincipalType.USER, "erin"));
        clusters.addGrant("repo-test", new ClusterGrant(PrincipalType.USER, "erin"));
        clusters.addGrant("repo-test", new ClusterGrant(PrincipalType.GROUP, "research"));

        assertThat(clusters.grants("repo-test")).hasSize(2);
        assertThat(clusters.grantedClusterNames("erin", Set.of())).contains("repo-test");
        assertThat(clusters.grantedClusterNames("frank", Set.of("research", "other"))).contains("repo-test");
        assertThat(clusters.grantedClusterNames("frank", Set.of())).doesNotContain("repo-test");
        assertThat(clusters.removeGrant("repo-test", new ClusterGrant(PrincipalType.USER, "erin"))).isTrue();
        assertThat(clusters.grantedClusterNames("erin", Set.of())).doesNotContain("repo-test");
    }
}
