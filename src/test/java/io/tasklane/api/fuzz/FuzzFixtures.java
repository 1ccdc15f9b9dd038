package io.tasklane.api.fuzz;

import static io.tasklane.support.TaskJson.aTask;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklane.support.Api;

/**
 * The things a fuzz run's requests refer to when they are not what is broken: a cluster with a node, a task
 * with a finished run, and valid bodies for every request schema. Made over the API before the run, removed
 * after it (a schedule, the cluster and its grants), so that later test classes see the suite as it was.
 */
final class FuzzFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Api admin;
    private final Api alice;
    private final String suffix;
    private String taskId;

    FuzzFixtures(Api anonymous, long seed) {
        this.admin = anonymous.as("admin");
        this.alice = anonymous.as("alice");
        this.suffix = Long.toString(Math.abs(seed) % 1_000_000_007L, 36) + "-" + Long.toString(System.nanoTime() % 100_000, 36);
    }

    String cluster() {
        return "fuzz-" + suffix;
    }

    ValidInputs create() {
        expect(admin.post("/api/v1/clusters", clusterBody().toString()), 201);
        taskId = expect(alice.post("/api/v1/tasks", aTask().named("fuzz-" + suffix).json()), 201).get("id").asText();
        String finished = expect(alice.post("/api/v1/tasks", aTask().named("fuzz-run-" + suffix).cluster("sim").json()), 201)
                .get("id").asText();
        String runId = expect(alice.post("/api/v1/tasks/" + finished + "/start", null), 201).get("id").asText();
        await("the fixture run to end").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> alice.get("/api/v1/runs/" + runId).json().path("finishedAt").isTextual());
        Map<String, String> segments = Map.of("tasks", taskId, "runs", runId, "instances", "0", "clusters", cluster(),
                "nodes", "node-a", "projects", "demo", "members", "alice", "pin-requests", "p-no-such-request",
                "force-starts", "f-no-such-force-start");
        return new ValidInputs(segments, bodies());
    }

    /** Removes what would otherwise outlive the run: the task's schedule, the cluster with its nodes and grants. */
    void remove() {
        if (taskId != null) {
            admin.delete("/api/v1/tasks/" + taskId + "/schedule");
        }
        admin.delete("/api/v1/clusters/" + cluster());
    }

    private Map<String, JsonNode> bodies() {
        try {
            return Map.of(
                    "TaskSpec", JSON.readTree(aTask().named("fuzz-base-" + suffix).tags("fuzz").with("description", "base")
                            .with("args", List.of("--epochs", "1")).with("ports", List.of(Map.of("containerPort", 8080)))
                            .with("env", Map.of("MODE", "fuzz")).with("storages", List.of(Map.of("name", "data", "mountPath", "/data")))
                            .with("priority", 1).with("activeDeadlineSeconds", 3600).json()),
                    "ClusterRequest", clusterBody(),
                    "NodeRequest", JSON.readTree("{\"capacitySkus\": 2, \"schedulable\": true}"),
                    "GrantRequest", JSON.readTree("{\"user\": \"dave\"}"),
                    // Inactive, so a schedule the run happens to set never fires during later test classes.
                    "ScheduleRequest", JSON.readTree("{\"type\": \"DAILY\", \"timeZone\": \"Asia/Shanghai\", \"active\": false,"
                            + " \"windows\": [{\"time\": \"08:00\", \"minReplicas\": 1, \"maxReplicas\": 1}]}"),
                    "ProjectRequest", JSON.readTree("{\"name\": \"fuzz-" + suffix + "\", \"description\": \"fuzz\"}"),
                    "PinRequestBody", JSON.readTree("{\"reason\": \"fuzz\"}"),
                    "DecisionBody", JSON.readTree("{\"comment\": \"fuzz\"}"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode clusterBody() {
        return JSON.createObjectNode().put("name", cluster()).put("gpuType", "fuzz").put("queuePolicy", "BEST_EFFORT_FIFO")
                .<ObjectNode>set("sku", JSON.createObjectNode().put("gpus", 1).put("cpu", 4).put("memoryGib", 16))
                .set("nodes", JSON.createArrayNode().add(JSON.createObjectNode().put("name", "node-a").put("capacitySkus", 2)));
    }

    private static JsonNode expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("fixture not made: " + response);
        }
        return response.json();
    }
}
