package io.tasklane.api;

import static io.tasklane.api.TaskInputErrorsTest.assertProblem;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Partial edits (JSON Merge Patch), bodies checked whole, and a history that outlives its task. */
@IntegrationTest
class TaskEditsTest {

    @LocalServerPort
    int port;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void aMergePatchChangesOnlyTheFieldsItGives() {
        String id = create(aTask().named(TaskApiTest.unique("patch")).tags("a", "b").with("priority", 7)
                .with("env", Map.of("A", "1", "B", "2")).with("description", "before"));

        Api.Response patched = alice.patch("/api/v1/tasks/" + id,
                "{\"replicas\": 2, \"env\": {\"B\": null, \"C\": \"3\"}, \"description\": null, \"tags\": [\"c\"]}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode task = alice.get("/api/v1/tasks/" + id).json();
        assertThat(task.get("replicas").asInt()).isEqualTo(2);
        assertThat(task.get("priority").asInt()).as("a field not given is kept").isEqualTo(7);
        assertThat(task.get("image").asText()).isEqualTo("python:3.12");
        assertThat(task.get("env").properties()).extracting(Map.Entry::getKey).as("objects merge member by member")
                .containsExactlyInAnyOrder("A", "C");
        assertThat(task.has("description")).as("null removes a field").isFalse();
        assertThat(task.get("tags")).extracting(JsonNode::asText).as("a list is replaced whole").containsExactly("c");
        assertThat(alice.get("/api/v1/tasks/" + id + "/events").items("type")).containsExactly("CREATED", "EDITED");
    }

    @Test
    void aMergePatchSwitchesTheEntryWhenTheOldOneIsNulled() {
        String id = create(aTask().named(TaskApiTest.unique("entry")));

        assertProblem(alice.patch("/api/v1/tasks/" + id, "{\"ray\": {\"filePath\": \"serve\", \"deploymentName\": \"app\"}}"),
                400, "ray", "entry-exactly-one");
        Api.Response switched = alice.patch("/api/v1/tasks/" + id,
                "{\"ray\": {\"filePath\": \"serve\", \"deploymentName\": \"app\"}, \"command\": null}");

        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().get("ray").get("importPath").asText()).isEqualTo("serve:app");
        assertThat(switched.json().has("command")).isFalse();
    }

    @Test
    void aPatchIsRefusedWithTheSameRulesAndChangesNothing() {
        String id = create(aTask().named(TaskApiTest.unique("strict")));
        String before = alice.get("/api/v1/tasks/" + id).body();

        assertProblem(alice.patch("/api/v1/tasks/" + id, "{\"project\": \"vision\"}"), 400, "project", "immutable");
        assertProblem(alice.patch("/api/v1/tasks/" + id, "{\"replica\": 2}"), 400, "replica", "unknown-field");
        assertProblem(alice.patch("/api/v1/tasks/" + id, "[{\"op\": \"replace\"}]"), 400, null, "json-object");
        Api.Response both = alice.patch("/api/v1/tasks/" + id, "{\"replicas\": \"two\", \"priority\": 5000}");
        assertProblem(both, 400, "replicas", "type");
        assertThat(both.json().get("errors").findValuesAsText("rule")).containsExactly("type", "range");
        assertProblem(alice.send(alice.request("/api/v1/tasks/" + id).header("Content-Type", "text/plain")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("replicas=2"))), 415, null, null);

        assertThat(alice.get("/api/v1/tasks/" + id).body()).isEqualTo(before);
    }

    @Test
    void everyBrokenFieldOfABodyIsReportedAtOnceAndNothingIsSaved() {
        String name = TaskApiTest.unique("typos");
        Api.Response response = alice.post("/api/v1/tasks", aTask().named(name).with("kind", "job").with("priority", "high")
                .with("replica", 2).with("skuPerReplica", 0).with("ports", List.of(Map.of("containerPort", "http"))).json());

        assertProblem(response, 400, "kind", "type");
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("kind", "priority", "replica", "ports[0].containerPort", "skuPerReplica");
        assertThat(response.json().get("errors").findValuesAsText("rule"))
                .containsExactlyInAnyOrder("type", "type", "unknown-field", "type", "min");
        assertThat(response.json().get("detail").asText()).contains("and 4 more problem(s)");
        assertThat(alice.get("/api/v1/tasks?name=" + name).json().get("total").asInt()).as("nothing saved").isZero();
    }

    @Test
    void aBodyWithAWrongTypeIsRefusedEvenWhenEverythingElseIsValid() {
        String name = TaskApiTest.unique("onlytype");

        assertProblem(alice.post("/api/v1/tasks", aTask().named(name).with("priority", "high").json()), 400, "priority", "type");
        assertThat(alice.get("/api/v1/tasks?name=" + name).json().get("total").asInt()).as("the dry run rolled back").isZero();
    }

    @Test
    void everyOtherBodyAlsoNamesAllItsFieldsOfTheWrongTypeAtOnce() {
        String id = create(aTask().named(TaskApiTest.unique("sched")));

        Api.Response schedule = alice.put("/api/v1/tasks/" + id + "/schedule",
                "{\"type\": \"WEEKLY\", \"timeZone\": \"Asia/Shanghai\", \"active\": \"yes\", \"every\": 2}");
        assertThat(schedule.status()).isEqualTo(400);
        assertThat(schedule.contentType()).startsWith("application/problem+json");
        // "type" is text checked by the schedule rules, which a body with unreadable fields does not reach.
        assertThat(schedule.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("active", "every");
        Api.Response cluster = Api.anonymous(port).as("admin").post("/api/v1/clusters",
                "{\"name\": \"typo\", \"sku\": {\"gpus\": \"one\", \"cpu\": 8, \"memoryGib\": 32}, \"nodes\": [{\"name\": \"n\", \"capacitySkus\": []}]}");
        assertThat(cluster.json().get("errors").findValuesAsText("field")).as(cluster.body())
                .containsExactlyInAnyOrder("sku.gpus", "nodes[0].capacitySkus");
        assertThat(Api.anonymous(port).as("admin").get("/api/v1/clusters/typo").status()).isEqualTo(404);
    }

    @Test
    void theHistoryOfADeletedTaskStaysReadableByItsProjectAndAdmins() {
        String id = create(aTask().named(TaskApiTest.unique("gone")));
        assertThat(alice.delete("/api/v1/tasks/" + id).status()).isEqualTo(204);

        Api.Response history = alice.get("/api/v1/tasks/" + id + "/events");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.items("type")).containsExactly("CREATED", "DELETED");
        assertThat(Api.anonymous(port).as("admin").get("/api/v1/tasks/" + id + "/events").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).as("bob").get("/api/v1/tasks/" + id + "/events").status())
                .as("not a member of the task's project").isEqualTo(404);
        assertThat(alice.get("/api/v1/tasks/t-never-there/events").status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDeclaresHttpBasicAndShowsTaskBodies() {
        JsonNode doc = Api.anonymous(port).get("/v3/api-docs").json();

        assertThat(doc.at("/components/securitySchemes/basic/type").asText()).isEqualTo("http");
        assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
        assertThat(doc.at("/security/0").has("basic")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1tasks/post/requestBody/content/application~1json/schema/$ref").asText())
                .endsWith("/TaskSpec");
        assertThat(doc.at("/paths/~1api~1v1~1tasks~1{id}/patch/requestBody/content/application~1merge-patch+json/schema/$ref")
                .asText()).endsWith("/TaskSpec");
    }

    private String create(io.tasklane.support.TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }
}
