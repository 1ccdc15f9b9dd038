package io.tasklane.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.Kubelet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Virtual clusters follow the Kubernetes nodes labelled tasklane.io/virtual-cluster. */
@IntegrationTest
class KubernetesNodeSyncTest {

    @LocalServerPort
    int port;
    @Autowired
    Kubelet kubelet;
    @Autowired
    KubernetesNodeSync sync;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.anonymous(port).as("admin");
    }

    @Test
    void labelledNodesMakeUpTheirClusterWithAllocatableGpusAsSkus() {
        JsonNode cluster = admin.get("/api/v1/clusters/kubernetes").json();

        assertThat(nodes(cluster)).containsExactly("kube-gpu-1 8 true", "kube-gpu-2 8 true", "kube-gpu-3 4 false");
        assertThat(cluster.get("gpuType").asText()).isEqualTo("NVIDIA L4");
        assertThat(cluster.get("freeSkus").asInt()).isEqualTo(16);
    }

    @Test
    void aLabelNamingAnUndeclaredClusterCreatesItAndUnlabelledNodesBelongToNone() {
        JsonNode edge = admin.get("/api/v1/clusters/kube-edge").json();

        assertThat(nodes(edge)).containsExactly("edge-1 4 true");
        assertThat(edge.get("gpuType").asText()).isEqualTo("NVIDIA-L4");
        assertThat(admin.get("/api/v1/clusters").json().toString()).doesNotContain("system-1");
    }

    @Test
    void nodesThatJoinGoNotReadyOrLeaveAreFollowed() {
        kubelet.client().nodes().resource(Kubelet.node("kube-gpu-9", "kubernetes", 2, false, false)).create();
        try {
            sync.sync();
            assertThat(nodes(admin.get("/api/v1/clusters/kubernetes").json())).contains("kube-gpu-9 2 false");

            kubelet.client().nodes().withName("kube-gpu-9").edit(n -> Kubelet.node("kube-gpu-9", "kubernetes", 2, true, false));
            sync.sync();
            assertThat(nodes(admin.get("/api/v1/clusters/kubernetes").json())).contains("kube-gpu-9 2 true");
        } finally {
            kubelet.client().nodes().withName("kube-gpu-9").delete();
            sync.sync();
        }
        assertThat(nodes(admin.get("/api/v1/clusters/kubernetes").json())).doesNotContain("kube-gpu-9 2 true");
    }

    private static List<String> nodes(JsonNode cluster) {
        List<String> nodes = new ArrayList<>();
        cluster.get("nodes").forEach(n -> nodes.add(n.get("name").asText() + " " + n.get("capacitySkus").asInt() + " "
                + n.get("schedulable").asBoolean()));
        return nodes;
    }
}
