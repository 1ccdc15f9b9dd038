package io.tasklane.api;

import static io.tasklane.api.TaskInputErrorsTest.assertProblem;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins manage clusters, nodes and grants over the API; clusters from configuration stay as configured. */
@IntegrationTest
class ClusterApiTest {

    static final String RTX = """
            {"name": "rtx", "gpuType": "NVIDIA RTX 4090", "sku": {"gpus": 1, "cpu": 8, "memoryGib": 32},
             "nodes": [{"name": "rtx-1", "capacitySkus": 4}, {"name": "rtx-2", "capacitySkus": 2, "schedulable": false}]}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api admin;
    Api alice;

    @BeforeEach
    void setUp() {
        admin = Api.anonymous(port).as("admin");
        alice = Api.anonymous(port).as("alice");
    }

    @AfterEach
    void removeRtx() {
        jdbc.sql("delete from tasklane.task where cluster = 'rtx'").update();
        jdbc.sql("delete from tasklane.virtual_cluster where name = 'rtx'").update();
    }

    @Test
    void aClusterShowsItsSkuNodesAndCapacity() {
        JsonNode a100 = admin.get("/api/v1/clusters/a100").json();

        assertThat(a100.get("gpuType").asText()).isEqualTo("NVIDIA A100 80GB");
        assertThat(a100.at("/sku/gpus").asInt()).isEqualTo(1);
        assertThat(a100.at("/sku/memoryGib").asInt()).isEqualTo(64);
        assertThat(a100.get("nodes")).hasSize(3);
        assertThat(a100.get("totalSkus").asInt()).as("the cordoned node does not count").isEqualTo(16);
        assertThat(a100.get("freeSkus").asInt()).isEqualTo(16);
        assertThat(a100.get("source").asText()).isEqualTo("CONFIG");
    }

    @Test
    void anAdminCreatesChangesAndDeletesACluster() {
        Api.Response created = admin.post("/api/v1/clusters", RTX);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/clusters/rtx");
        assertThat(created.json().get("totalSkus").asInt()).isEqualTo(4);
        assertThat(created.json().get("queuePolicy").asText()).isEqualTo("BEST_EFFORT_FIFO");

        assertThat(admin.put("/api/v1/clusters/rtx/nodes/rtx-2", "{\"capacitySkus\": 2}").json().get("totalSkus").asInt()).isEqualTo(6);
        assertThat(admin.put("/api/v1/clusters/rtx/nodes/rtx-3", "{\"capacitySkus\": 1, \"schedulable\": false}").json()
                .get("nodes")).hasSize(3);
        assertThat(admin.delete("/api/v1/clusters/rtx/nodes/rtx-3").status()).isEqualTo(204);
        assertThat(admin.put("/api/v1/clusters/rtx", RTX.replace("STRICT", "").replace("\"sku\"", "\"queuePolicy\": \"STRICT_FIFO\", \"sku\""))
                .json().get("queuePolicy").asText()).isEqualTo("STRICT_FIFO");
        assertThat(admin.delete("/api/v1/clusters/rtx").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/clusters/rtx").status()).isEqualTo(404);
    }

    @Test
    void badClusterDefinitionsNameTheField() {
        assertProblem(admin.post("/api/v1/clusters", RTX.replace("\"rtx\"", "\"RTX\"")), 400, "name", "dns-label");
        assertProblem(admin.post("/api/v1/clusters", RTX.replace("\"gpus\": 1", "\"gpus\": 0")), 400, "sku.gpus", "range");
        assertProblem(admin.post("/api/v1/clusters", RTX.replace("rtx-2", "rtx-1")), 400, "nodes[1].name", "unique");
        assertProblem(admin.post("/api/v1/clusters", RTX.replace("\"capacitySkus\": 4", "\"capacitySkus\": -4")), 400,
                "nodes[0].capacitySkus", "range");
        assertProblem(admin.post("/api/v1/clusters", RTX.replace("\"sku\": {", "\"queuePolicy\": \"RANDOM\", \"sku\": {")), 400,
                "queuePolicy", "type");
        admin.post("/api/v1/clusters", RTX);
        assertProblem(admin.post("/api/v1/clusters", RTX), 409, "name", "unique");
        assertProblem(admin.put("/api/v1/clusters/rtx", RTX.replace("\"rtx\"", "\"rtx2\"")), 400, "name", "immutable");
    }

    @Test
    void configuredClustersCannotBeChangedOverTheApi() {
        assertProblem(admin.delete("/api/v1/clusters/a100"), 409, "name", "declared-in-configuration");
        assertProblem(admin.put("/api/v1/clusters/a100/nodes/a100-node-1", "{\"capacitySkus\": 1}"), 409, "name",
                "declared-in-configuration");
    }

    @Test
    void aClusterWithTasksCannotBeDeleted() {
        admin.post("/api/v1/clusters", RTX);
        assertThat(admin.post("/api/v1/tasks", aTask().cluster("rtx").json()).status()).isEqualTo(201);

        assertProblem(admin.delete("/api/v1/clusters/rtx"), 409, "name", "in-use");
    }

    @Test
    void grantsDecideWhoMayUseACluster() {
        admin.post("/api/v1/clusters", RTX);
        assertThat(alice.post("/api/v1/tasks", aTask().cluster("rtx").json()).status()).isEqualTo(400);

        assertThat(admin.post("/api/v1/clusters/rtx/grants", "{\"user\": \"alice\"}").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/clusters/rtx/grants").items("principal")).containsExactly("alice");
        assertThat(alice.get("/api/v1/clusters").items("name")).contains("rtx");
        assertThat(alice.post("/api/v1/tasks", aTask().cluster("rtx").json()).status()).isEqualTo(201);

        assertThat(admin.delete("/api/v1/clusters/rtx/grants?user=alice").status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/clusters/rtx").status()).isEqualTo(404);
        assertProblem(admin.post("/api/v1/clusters/rtx/grants", "{\"user\": \"ghost\"}"), 400, "user", "exists");
        assertProblem(admin.post("/api/v1/clusters/rtx/grants", "{}"), 400, "user", "exactly-one");
        assertThat(admin.post("/api/v1/clusters/rtx/grants", "{\"group\": \"ml-team\"}").status()).isEqualTo(204);
        assertThat(Api.anonymous(port).as("carol").get("/api/v1/clusters").items("name")).contains("rtx");
    }

    @Test
    void projectsAndMembersAreManagedByAdmins() {
        String name = "proj-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + name + "\", \"description\": \"d\"}").status()).isEqualTo(201);
        assertProblem(admin.post("/api/v1/projects", "{\"name\": \"" + name + "\"}"), 409, "name", "unique");
        assertProblem(admin.post("/api/v1/projects", "{\"name\": \"Bad Name\"}"), 400, "name", "dns-label");
        assertThat(alice.get("/api/v1/projects/" + name).status()).isEqualTo(404);

        assertThat(admin.put("/api/v1/projects/" + name + "/members/alice", "{}").status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/projects").items("name")).contains(name, "demo");
        assertThat(alice.get("/api/v1/projects/" + name + "/members").json().at("/items/0/userId").asText()).isEqualTo("alice");
        assertThat(alice.post("/api/v1/tasks", aTask().project(name).json()).status()).isEqualTo(201);
        assertProblem(admin.put("/api/v1/projects/" + name + "/members/ghost", "{}"), 400, "userId", "exists");

        assertThat(admin.delete("/api/v1/projects/" + name + "/members/alice").status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/projects/" + name).status()).isEqualTo(404);
    }
}
