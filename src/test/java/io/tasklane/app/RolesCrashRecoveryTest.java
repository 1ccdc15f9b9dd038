package io.tasklane.app;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasklane is killed (SIGKILL) while two jobs of roles run on the local cluster and starts again: the job
 * whose chief finished while it was down succeeds and its workers are stopped; the job whose worker
 * vanished fails naming the role; no replica process is left and every GPU is free.
 */
class RolesCrashRecoveryTest {

    @TempDir
    Path dataDir;
    ChildTasklane tasklane;

    @AfterEach
    void stop() throws InterruptedException {
        tasklane.stop();
    }

    @Test
    void aJobOfRolesLosesNothingAcrossACrash() throws Exception {
        tasklane = new ChildTasklane(dataDir);
        tasklane.start("roles-before-crash.log");
        Api alice = tasklane.api().as("alice");
        String chief = start(alice, aTask().named("chief-finishes-while-down").with("command", List.of("sleep", "600"))
                .with("successPolicy", "CHIEF").with("roles", List.of(
                        Map.of("name", "master", "command", List.of("sh", "-c", "sleep 8; echo master done")),
                        Map.of("name", "worker", "replicas", 2))));
        String doomed = start(alice, aTask().named("worker-dies-while-down").with("command", List.of("sleep", "600"))
                .with("roles", List.of(Map.of("name", "worker"))));
        for (String run : List.of(chief, doomed)) {
            awaitRun(alice, run, r -> r.path("state").asText().equals("RUNNING"));
        }
        List<Long> chiefPids = alice.get("/api/v1/runs/" + chief + "/instances").json().findValues("pid").stream()
                .map(JsonNode::asLong).toList();
        long doomedPid = alice.get("/api/v1/runs/" + doomed + "/instances").json().at("/items/0/pid").asLong();

        tasklane.kill();
        new ProcessBuilder("kill", "-KILL", "--", "-" + doomedPid).start().waitFor();
        tasklane.start("roles-after-crash.log");

        JsonNode succeeded = awaitRun(alice, chief, r -> r.path("state").asText().equals("SUCCEEDED"));
        assertThat(succeeded.get("reason").asText()).startsWith("Completed: the 1 replica(s) of chief role master");
        assertThat(alice.get("/api/v1/runs/" + chief + "/instances").json().get("items").findValuesAsText("state"))
                .containsExactly("EXITED", "STOPPED", "STOPPED");
        JsonNode failed = awaitRun(alice, doomed, r -> r.path("state").asText().equals("FAILED"));
        assertThat(failed.get("reason").asText()).startsWith("ReplicaFailed: role worker index 0 (replica 0) on node ")
                .contains("vanished while Tasklane was down");
        Await.until("cluster local to get back to 4 free SKUs",
                () -> alice.get("/api/v1/clusters/local").json().path("freeSkus").asInt(-1), free -> free == 4);
        assertThat(chiefPids).hasSize(3).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
    }

    private static String start(Api alice, io.tasklane.support.TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return alice.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null).json().get("id").asText();
    }

    private static JsonNode awaitRun(Api api, String run, Predicate<JsonNode> condition) {
        return Await.until("run " + run + " to get there", () -> api.get("/api/v1/runs/" + run).json(), condition);
    }
}
