package io.tasklane.api;

import static io.tasklane.api.TaskInputErrorsTest.assertProblem;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class TaskApiTest {

    @LocalServerPort
    int port;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void createAnswers201WithLocationAndTheWholeTask() {
        String body = aTask().named(unique("chat")).ray("models.chat", "app").with("kind", "SERVICE")
                .with("ports", List.of(Map.of("containerPort", 8000, "externalPort", 30080)))
                .with("env", Map.of("SHM_SIZE", "8G")).with("storages", List.of(Map.of("name", "weights", "mountPath", "/models")))
                .tags("llm").json();

        Api.Response created = alice.post("/api/v1/tasks", body);

        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.json();
        assertThat(created.header("Location")).isEqualTo("/api/v1/tasks/" + task.get("id").asText());
        assertThat(task.get("state").asText()).isEqualTo("CREATED");
        assertThat(task.get("creator").asText()).isEqualTo("alice");
        assertThat(task.get("pinned").asBoolean()).isFalse();
        assertThat(task.get("archived").asBoolean()).isFalse();
        assertThat(task.at("/ray/importPath").asText()).isEqualTo("models.chat:app");
        assertThat(task.get("replicas").asInt()).isEqualTo(1);
        assertThat(task.get("activeDeadlineSeconds").asLong()).isEqualTo(432_000);
        assertThat(task.at("/storages/0/readOnly").asBoolean()).isFalse();
        assertThat(task.at("/ports/0/externalPort").asInt()).isEqualTo(30080);
        assertThat(alice.get(created.header("Location")).json()).isEqualTo(task);
    }

    @Test
    void replaceChangesTheConfigurationButNotProjectOrKind() {
        JsonNode task = alice.post("/api/v1/tasks", aTask().named(unique("etl")).json()).json();
        String path = "/api/v1/tasks/" + task.get("id").asText();

        Api.Response replaced = alice.put(path, aTask().named(task.get("name").asText()).replicas(2).tags("nightly").json());

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("replicas").asInt()).isEqualTo(2);
        assertThat(replaced.json().get("tags").get(0).asText()).isEqualTo("nightly");
        assertThat(alice.get(path).json().get("replicas").asInt()).isEqualTo(2);
        assertProblem(alice.put(path, aTask().project("vision").json()), 400, "project", "immutable");
        assertProblem(alice.put(path, aTask().with("kind", "SERVICE").json()), 400, "kind", "immutable");
        assertProblem(alice.put(path, aTask().replicas(0).json()), 400, "replicas", "min");
        assertThat(alice.get(path).json().get("replicas").asInt()).as("a refused edit changes nothing").isEqualTo(2);
    }

    @Test
    void renamingOntoAnotherTaskIsAConflict() {
        String taken = unique("taken");
        alice.post("/api/v1/tasks", aTask().named(taken).json());
        String id = alice.post("/api/v1/tasks", aTask().named(unique("other")).json()).json().get("id").asText();

        assertProblem(alice.put("/api/v1/tasks/" + id, aTask().named(taken).json()), 409, "name", "unique");
    }

    @Test
    void copyKeepsTheConfigurationUnderAFreeNameAndTakesChanges() {
        String name = unique("train");
        JsonNode source = alice.post("/api/v1/tasks", aTask().named(name).replicas(2).tags("cv").json()).json();
        String copyPath = "/api/v1/tasks/" + source.get("id").asText() + "/copy";

        JsonNode first = alice.post(copyPath, null).json();
        JsonNode second = alice.post(copyPath, "{}").json();
        Api.Response changed = alice.post(copyPath, "{\"name\": \"" + name + "-big\", \"replicas\": 4}");

        assertThat(first.get("name").asText()).isEqualTo(name + "-copy");
        assertThat(second.get("name").asText()).isEqualTo(name + "-copy-2");
        assertThat(first.get("id").asText()).isNotEqualTo(source.get("id").asText());
        assertThat(first.get("replicas").asInt()).isEqualTo(2);
        assertThat(first.get("tags")).isEqualTo(source.get("tags"));
        assertThat(first.get("command")).isEqualTo(source.get("command"));
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.json().get("replicas").asInt()).isEqualTo(4);
        assertProblem(alice.post(copyPath, "{\"project\": \"vision\"}"), 400, "project", "immutable");
        assertProblem(alice.post(copyPath, "{\"kind\": \"SERVICE\"}"), 400, "kind", "immutable");
        assertProblem(alice.post(copyPath, "{\"name\": \"" + name + "\"}"), 409, "name", "unique");
    }

    @Test
    void copyCanSwitchTheEntryFromCommandToRay() {
        JsonNode source = alice.post("/api/v1/tasks", aTask().named(unique("job")).with("args", List.of("--fast")).json()).json();

        JsonNode copy = alice.post("/api/v1/tasks/" + source.get("id").asText() + "/copy",
                "{\"ray\": {\"filePath\": \"serve\", \"deploymentName\": \"app\"}}").json();

        assertThat(copy.at("/ray/importPath").asText()).isEqualTo("serve:app");
        assertThat(copy.has("command")).isFalse();
        assertThat(copy.has("args")).isFalse();
    }

    @Test
    void archiveHidesATaskFromTheListUntilUnarchived() {
        String name = unique("old");
        String id = alice.post("/api/v1/tasks", aTask().named(name).json()).json().get("id").asText();

        assertThat(alice.post("/api/v1/tasks/" + id + "/archive", null).json().get("archived").asBoolean()).isTrue();
        assertThat(alice.get("/api/v1/tasks?name=" + name).json().get("total").asInt()).isZero();
        assertThat(alice.get("/api/v1/tasks?archived=true&name=" + name).json().get("total").asInt()).isEqualTo(1);

        assertThat(alice.post("/api/v1/tasks/" + id + "/unarchive", null).json().get("archived").asBoolean()).isFalse();
        assertThat(alice.get("/api/v1/tasks?name=" + name).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void deleteRemovesTheTaskButKeepsItsHistory() {
        String id = alice.post("/api/v1/tasks", aTask().named(unique("tmp")).json()).json().get("id").asText();
        alice.put("/api/v1/tasks/" + id, aTask().named(unique("tmp2")).json());

        assertThat(alice.delete("/api/v1/tasks/" + id).status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(alice.delete("/api/v1/tasks/" + id).status()).isEqualTo(404);
    }

    @Test
    void everyChangeIsInTheTaskHistory() {
        String id = alice.post("/api/v1/tasks", aTask().named(unique("hist")).json()).json().get("id").asText();
        alice.put("/api/v1/tasks/" + id, aTask().named(unique("hist")).replicas(2).json());
        alice.post("/api/v1/tasks/" + id + "/archive", null);

        Api.Response history = alice.get("/api/v1/tasks/" + id + "/events");

        assertThat(history.items("type")).containsExactly("CREATED", "EDITED", "ARCHIVED");
        assertThat(history.items("actor")).containsOnly("alice");
        assertThat(history.items("toState").get(0)).isEqualTo("CREATED");
    }

    @Test
    void anUnknownTaskIs404() {
        assertProblem(alice.get("/api/v1/tasks/tnosuchtask00"), 404, null, null);
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
