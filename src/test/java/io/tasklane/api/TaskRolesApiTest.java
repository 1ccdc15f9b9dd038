package io.tasklane.api;

import static io.tasklane.api.TaskInputErrorsTest.assertProblem;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.TaskJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A job of roles over HTTP: its configuration's shape, edits, and bad roles named by their field. */
@IntegrationTest
class TaskRolesApiTest {

    @LocalServerPort
    int port;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    static TaskJson ddpTask() {
        return aTask().with("framework", "PYTORCH_DDP").with("roles", List.of(
                Map.of("name", "master", "replicas", 1, "skuPerReplica", 1),
                Map.of("name", "worker", "replicas", 2, "skuPerReplica", 1, "command", List.of("python", "-c", "print(2)"),
                        "env", Map.of("ROLE_NOTE", "w"))));
    }

    @Test
    void aJobOfRolesIsShownWithItsRolesAndNoSizeOfItsOwn() {
        Api.Response created = alice.post("/api/v1/tasks", ddpTask().json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode task = created.json();

        assertThat(task.has("replicas")).isFalse();
        assertThat(task.has("skuPerReplica")).isFalse();
        assertThat(task.get("framework").asText()).isEqualTo("PYTORCH_DDP");
        assertThat(task.get("successPolicy").asText()).isEqualTo("ALL");
        assertThat(task.at("/roles/0/name").asText()).isEqualTo("master");
        assertThat(task.at("/roles/0/env")).isEmpty();
        assertThat(task.at("/roles/1/replicas").asInt()).isEqualTo(2);
        assertThat(task.at("/roles/1/command/2").asText()).isEqualTo("print(2)");
        assertThat(task.at("/roles/1/env/ROLE_NOTE").asText()).isEqualTo("w");
        assertThat(alice.get(created.header("Location")).json()).isEqualTo(task);
    }

    @Test
    void whatAJobOfRolesShowsCanBePutBackAndPatched() {
        JsonNode task = alice.post("/api/v1/tasks", ddpTask().json()).json();
        String path = "/api/v1/tasks/" + task.get("id").asText();
        ObjectNode body = task.deepCopy();
        List.of("id", "state", "pinned", "creator", "createdAt", "updatedAt", "archived").forEach(body::remove);

        Api.Response replaced = alice.put(path, body.toString());
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("roles")).isEqualTo(task.get("roles"));

        Api.Response backToReplicas = alice.patch(path, "{\"roles\": null, \"framework\": null, \"successPolicy\": null, \"replicas\": 2}");
        assertThat(backToReplicas.status()).as(backToReplicas.body()).isEqualTo(200);
        assertThat(backToReplicas.json().has("roles")).isFalse();
        assertThat(backToReplicas.json().get("replicas").asInt()).isEqualTo(2);

        assertProblem(alice.patch(path, "{\"roles\": [{\"name\": \"worker\"}]}"), 400, "replicas", "roles-exclusive");
    }

    @Test
    void badRolesAreProblemsNamingTheRoleField() {
        assertProblem(alice.post("/api/v1/tasks", aTask().with("roles", List.of(Map.of("name", "master"), Map.of("name", "Worker 2"))).json()),
                400, "roles[1].name", "dns-label");
        assertProblem(alice.post("/api/v1/tasks", aTask().with("roles", List.of(Map.of("name", "a"), Map.of("name", "a"))).json()),
                400, "roles[1].name", "unique");
        assertProblem(alice.post("/api/v1/tasks", aTask().with("roles", List.of()).json()), 400, "roles", "non-empty");
        assertProblem(alice.post("/api/v1/tasks", aTask().with("roles", List.of(Map.of("name", "w", "replicas", "two"))).json()),
                400, "roles[0].replicas", "type");
        assertProblem(alice.post("/api/v1/tasks", aTask().with("roles", List.of(Map.of("name", "w", "replicas", 5))).json()),
                400, "roles", "fits-cluster");
        assertProblem(alice.post("/api/v1/tasks", aTask().with("framework", "HOROVOD").with("roles", List.of(Map.of("name", "w"))).json()),
                400, "framework", "type");
        assertProblem(alice.post("/api/v1/tasks", aTask().with("framework", "MPI").json()), 400, "framework", "requires-roles");
        assertProblem(alice.post("/api/v1/tasks", aTask().replicas(2).with("roles", List.of(Map.of("name", "w"))).json()),
                400, "replicas", "roles-exclusive");
    }

    @Test
    void aDailyWindowCannotResizeAJobOfRoles() {
        String id = alice.post("/api/v1/tasks", ddpTask().json()).json().get("id").asText();

        Api.Response refused = alice.put("/api/v1/tasks/" + id + "/schedule", """
                {"type": "DAILY", "timeZone": "UTC", "windows": [{"time": "08:00", "minReplicas": 1, "maxReplicas": 2}]}""");

        assertProblem(refused, 400, "type", "roles-not-resizable");
    }
}
