package io.tasklane.api;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.ClusterInvariants;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.TaskJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A job of three roles on "sim" (3 simulated nodes of 8 SKUs) whose replicas of 6 SKUs each need a node
 * of their own: it is admitted as one gang, only once every role's replica has a place.
 */
@IntegrationTest
class GangOfRolesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void aJobOfThreeRolesIsAdmittedOnlyWhenEveryReplicaHasAPlaceAndSpreadsOverTheNodes() {
        String filler = create(aTask().named(unique("filler")).cluster("sim").with("kind", "SERVICE").skuPerReplica(4));
        String fillerRun = start(filler);
        Await.until("the filler runs", () -> run(fillerRun), r -> r.get("state").asText().equals("RUNNING"));
        // 20 SKUs are free, more than the gang's 18, but one node has only 4: the gang does not fit yet.
        String gang = create(aTask().named(unique("gang")).cluster("sim").with("roles", List.of(
                Map.of("name", "master", "skuPerReplica", 6), Map.of("name", "worker", "skuPerReplica", 6),
                Map.of("name", "ps", "skuPerReplica", 6))));
        String gangRun = start(gang);
        // A small job queued behind the gang is admitted by a pass that offered the gang first and found no place.
        String small = start(create(aTask().named(unique("small")).cluster("sim")));
        Await.until("the small job behind the gang ran", () -> run(small), r -> r.get("state").asText().equals("SUCCEEDED"));

        JsonNode waiting = run(gangRun);
        assertThat(waiting.get("state").asText()).isEqualTo("QUEUED");
        assertThat(waiting.has("admittedAt")).isFalse();
        assertThat(jdbc.sql("select count(*) from tasklane.allocation where run_id = ?").param(gangRun).query(Long.class).single())
                .as("a gang that does not fit holds nothing").isZero();

        assertThat(alice.post("/api/v1/tasks/" + filler + "/stop", null).status()).isEqualTo(202);
        JsonNode done = Await.until("the gang ran", () -> run(gangRun), r -> r.get("state").asText().equals("SUCCEEDED"));

        assertThat(done.get("replicas").asInt()).isEqualTo(3);
        JsonNode instances = alice.get("/api/v1/runs/" + gangRun + "/instances").json();
        assertThat(instances.get("total").asInt()).isEqualTo(3);
        assertThat(instances.get("items").findValuesAsText("node")).as("one node per replica").doesNotHaveDuplicates();
        assertThat(instances.get("items").findValuesAsText("gpus")).allSatisfy(gpus -> assertThat(gpus).isNotNull());
        assertThat(new ClusterInvariants(jdbc, "sim").atAnyTime()).isEmpty();

        JsonNode first = instances.at("/items/0");
        assertThat(first.get("role").asText()).isEqualTo("master");
        assertThat(first.get("roleIndex").asInt()).isZero();
        assertThat(first.get("rank").asInt()).isZero();
        assertThat(first.get("logUrl").asText()).isEqualTo("/api/v1/runs/" + gangRun + "/instances/0/logs");
        assertThat(first.has("pod")).as("no pod on a simulated runtime").isFalse();
        JsonNode ps = alice.get("/api/v1/runs/" + gangRun + "/instances?role=ps").json();
        assertThat(ps.get("total").asInt()).isEqualTo(1);
        assertThat(ps.at("/items/0/rank").asInt()).isEqualTo(2);
        JsonNode page = alice.get("/api/v1/runs/" + gangRun + "/instances?state=EXITED&sort=index&order=desc&offset=1&limit=1").json();
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("items").findValuesAsText("role")).containsExactly("worker");
        assertThat(alice.get("/api/v1/runs/" + gangRun + "/instances?sort=finishedAt").json().get("total").asInt()).isEqualTo(3);
        TaskInputErrorsTest.assertProblem(alice.get("/api/v1/runs/" + gangRun + "/instances?sort=rank"), 400, "sort", "type");
        TaskInputErrorsTest.assertProblem(alice.get("/api/v1/runs/" + gangRun + "/instances?state=DONE"), 400, "state", "type");
        TaskInputErrorsTest.assertProblem(alice.get("/api/v1/runs/" + gangRun + "/instances?limit=0"), 400, "limit", "range");
    }

    private String create(TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String start(String task) {
        Api.Response started = alice.post("/api/v1/tasks/" + task + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private JsonNode run(String run) {
        return alice.get("/api/v1/runs/" + run).json();
    }

    private static String unique(String name) {
        return name + "-" + Long.toString(System.nanoTime(), 36);
    }
}
