package io.tasklane.api;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.TaskJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** How a job of roles ends on the local runtime (real host processes): its success policy, and a failing replica. */
@IntegrationTest
class RoleOutcomesTest {

    @LocalServerPort
    int port;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void underSuccessPolicyChiefTheMasterExitingWellEndsTheRunAndStopsTheWorkers() {
        String run = start(aTask().named(unique("chief")).with("command", List.of("sleep", "600")).with("successPolicy", "CHIEF")
                .with("roles", List.of(Map.of("name", "worker", "replicas", 2),
                        Map.of("name", "master", "command", List.of("sh", "-c", "echo master done")))));

        JsonNode ended = Await.until("the run ended", () -> alice.get("/api/v1/runs/" + run).json(), r -> r.has("finishedAt"));

        assertThat(ended.get("state").asText()).as(ended.toString()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("reason").asText()).isEqualTo("Completed: the 1 replica(s) of chief role master exited with code 0;"
                + " the other replicas were stopped");
        JsonNode instances = alice.get("/api/v1/runs/" + run + "/instances").json();
        assertThat(instances.get("items").findValuesAsText("state")).containsExactly("EXITED", "STOPPED", "STOPPED");
    }

    @Test
    void underSuccessPolicyAllAJobSucceedsOnceEveryRoleExitedWell() {
        String run = start(aTask().named(unique("all")).with("command", List.of("sh", "-c", "echo $TASKLANE_ROLE $TASKLANE_RANK"))
                .with("roles", List.of(Map.of("name", "master"), Map.of("name", "worker", "replicas", 2))));

        JsonNode ended = Await.until("the run ended", () -> alice.get("/api/v1/runs/" + run).json(), r -> r.has("finishedAt"));

        assertThat(ended.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("reason").asText()).isEqualTo("Completed: all 3 replica(s) exited with code 0");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances/2/logs").body()).contains("worker 2");
    }

    @Test
    void aFailingWorkerFailsTheRunStopsTheOthersAndIsNamedInTheReason() {
        String run = start(aTask().named(unique("fails")).with("command", List.of("sleep", "600"))
                .with("roles", List.of(Map.of("name", "master"), Map.of("name", "worker", "replicas", 2,
                        "command", List.of("sh", "-c", "if [ \"$TASKLANE_ROLE_INDEX\" = 1 ]; then exit 3; fi; sleep 600")))));

        JsonNode ended = Await.until("the run ended", () -> alice.get("/api/v1/runs/" + run).json(), r -> r.has("finishedAt"));

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        JsonNode instances = alice.get("/api/v1/runs/" + run + "/instances").json();
        String node = instances.at("/items/2/node").asText();
        assertThat(ended.get("reason").asText())
                .isEqualTo("ReplicaFailed: role worker index 1 (replica 2) on node " + node + ": exited with code 3");
        assertThat(instances.get("items").findValuesAsText("state")).containsExactly("STOPPED", "STOPPED", "FAILED");
    }

    private String start(TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = alice.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private static String unique(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36);
    }
}
