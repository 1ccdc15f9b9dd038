package io.tasklane.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.openapi.models.V1NodeSpec;
import io.kubernetes.client.openapi.models.V1NodeStatus;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.tasklane.capacity.ClusterNode;
import org.junit.jupiter.api.Test;

class NodeCapacityTest {

    @Test
    void allocatableGpusBecomeSkus() {
        assertThat(NodeCapacity.of(node(8, true, false), 1)).isEqualTo(new ClusterNode("n1", 8, true));
        assertThat(NodeCapacity.of(node(8, true, false), 2)).isEqualTo(new ClusterNode("n1", 4, true));
        assertThat(NodeCapacity.of(node(7, true, false), 2).capacitySkus()).isEqualTo(3);
        assertThat(NodeCapacity.of(node(0, true, false), 1).capacitySkus()).isZero();
    }

    @Test
    void cordonedOrNotReadyNodesAreUnschedulable() {
        assertThat(NodeCapacity.of(node(8, true, true), 1).schedulable()).isFalse();
        assertThat(NodeCapacity.of(node(8, false, false), 1).schedulable()).isFalse();
        assertThat(NodeCapacity.of(new V1Node().metadata(new V1ObjectMeta().name("bare")), 1))
                .isEqualTo(new ClusterNode("bare", 0, false));
    }

    static V1Node node(int gpus, boolean ready, boolean cordoned) {
        return new V1Node().metadata(new V1ObjectMeta().name("n1").labels(Map.of("tasklane.io/virtual-cluster", "c")))
                .spec(new V1NodeSpec().unschedulable(cordoned))
                .status(new V1NodeStatus().allocatable(Map.of("nvidia.com/gpu", new Quantity(String.valueOf(gpus))))
                        .conditions(List.of(new V1NodeCondition().type("Ready").status(ready ? "True" : "False"))));
    }
}
