package io.tasklane.api;

import static io.tasklane.api.TaskInputErrorsTest.assertProblem;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasks run for real: host processes on the local cluster (4 slots), PostgreSQL, the engine and its
 * job executor. Each test waits for its runs to end, so the cluster is free for the next one.
 */
@IntegrationTest
class TaskLifecycleTest {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String TINY_SERVER = Path.of("src/test/resources/replicas/TinyServer.java").toAbsolutePath().toString();

    @LocalServerPort
    int port;
    @Autowired
    HistoryService history;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void aServiceServesOnItsEndpointUntilStopped() throws Exception {
        String task = create(aTask().named(unique("web")).with("kind", "SERVICE").with("command", List.of(JAVA, TINY_SERVER)).replicas(2));

        Api.Response started = alice.post("/api/v1/tasks/" + task + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String run = started.json().get("id").asText();
        JsonNode running = awaitRun(run, r -> r.get("state").asText().equals("RUNNING"));

        String endpoint = running.get("endpoint").asText();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint.replaceFirst("//[^:/]+", "//127.0.0.1"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.body()).isEqualTo("hello from replica 0");
        JsonNode instances = alice.get("/api/v1/runs/" + run + "/instances").json();
        assertThat(instances.get("total").asInt()).isEqualTo(2);
        assertThat(instances.get("items").findValuesAsText("state")).containsOnly("READY");
        assertThat(instances.at("/items/0/gpus")).isNotEmpty();

        Api.Response stopped = alice.post("/api/v1/tasks/" + task + "/stop", null);
        assertThat(stopped.status()).isEqualTo(202);
        JsonNode ended = awaitRun(run, r -> r.get("state").asText().equals("STOPPED"));

        assertThat(ended.get("reason").asText()).isEqualTo("stopped by alice");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().get("items").findValuesAsText("state")).containsOnly("STOPPED");
        assertThat(alice.get("/api/v1/tasks/" + task).json().get("state").asText()).isEqualTo("STOPPED");
        awaitFreeSkus(4);
        assertThat(alice.get("/api/v1/runs/" + run + "/instances/0/logs?tail=5").body()).contains("listening on");
    }

    @Test
    void aJobSucceedsAndItsLogAndHistoryTellWhatHappened() {
        String task = create(aTask().named(unique("ok")).with("command", List.of("sh", "-c", "echo replica $TASKLANE_REPLICA_INDEX on GPUs $CUDA_VISIBLE_DEVICES")));

        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        JsonNode ended = awaitRun(run, r -> isOver(r));

        assertThat(ended.get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(ended.get("reason").asText()).startsWith("Completed");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances/0/logs").body()).matches("replica 0 on GPUs \\d+\\n");
        Api.Response download = alice.get("/api/v1/runs/" + run + "/instances/0/logs?download=true");
        assertThat(download.header("Content-Disposition")).contains("attachment").contains(run + "-replica-0.log");
        assertThat(alice.get("/api/v1/tasks/" + task + "/events").items("toState")).containsSubsequence("CREATED", "QUEUED", "STARTING", "RUNNING", "SUCCEEDED");
        assertThat(alice.get("/api/v1/tasks/" + task + "/runs").items("id")).containsExactly(run);
    }

    @Test
    void aFailingJobFailsItsRunWithTheExitCode() {
        String task = create(aTask().named(unique("bad")).with("command", List.of("sh", "-c", "echo oops >&2; exit 3")));

        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        JsonNode ended = awaitRun(run, r -> isOver(r));

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).startsWith("ReplicaFailed: replica 0").endsWith("exited with code 3");
        JsonNode instance = alice.get("/api/v1/runs/" + run + "/instances").json().at("/items/0");
        assertThat(instance.get("exitCode").asInt()).isEqualTo(3);
        assertThat(instance.get("state").asText()).isEqualTo("FAILED");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances/0/logs").body()).contains("oops");
        awaitFreeSkus(4);
    }

    @Test
    void aTaskQueuesUntilTheGpusItNeedsAreFree() {
        String big = create(aTask().named(unique("big")).skuPerReplica(4).with("command", List.of("sleep", "60")));
        String small = create(aTask().named(unique("small")).with("command", List.of("true")));
        String bigRun = alice.post("/api/v1/tasks/" + big + "/start", null).json().get("id").asText();
        awaitRun(bigRun, r -> r.get("state").asText().equals("RUNNING"));

        String smallRun = alice.post("/api/v1/tasks/" + small + "/start", null).json().get("id").asText();

        assertThat(alice.get("/api/v1/tasks/" + small).json().get("state").asText()).isEqualTo("QUEUED");
        assertThat(alice.get("/api/v1/tasks/" + small).json().get("queuePosition").asInt()).isEqualTo(1);
        assertThat(alice.get("/api/v1/clusters/local/queue").items("runId")).containsExactly(smallRun);
        alice.post("/api/v1/tasks/" + big + "/stop", null);

        assertThat(awaitRun(smallRun, r -> isOver(r)).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(awaitRun(bigRun, r -> isOver(r)).get("state").asText()).isEqualTo("STOPPED");
        assertThat(alice.get("/api/v1/clusters/local/queue").json().get("total").asInt()).isZero();
        awaitFreeSkus(4);
    }

    @Test
    void startAndStopAreRefusedInStatesThatDoNotAllowThem() {
        String task = create(aTask().named(unique("once")).with("command", List.of("sleep", "60")));

        assertProblem(alice.post("/api/v1/tasks/" + task + "/stop", null), 409, "state", "stoppable");
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        assertProblem(alice.post("/api/v1/tasks/" + task + "/start", null), 409, "state", "startable");
        assertProblem(alice.put("/api/v1/tasks/" + task, aTask().named("renamed").json()), 409, "state", "not-active");
        assertProblem(alice.delete("/api/v1/tasks/" + task), 409, "state", "not-active");

        alice.post("/api/v1/tasks/" + task + "/stop", null);
        awaitRun(run, r -> isOver(r));
        awaitFreeSkus(4);
    }

    @Test
    void aProgramThatDoesNotExistFailsTheRunAfterRetries() {
        String task = create(aTask().named(unique("typo")).with("command", List.of("pyhton3", "train.py")));

        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        JsonNode ended = awaitRun(run, r -> isOver(r));

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).startsWith("DeployFailed: program 'pyhton3' was not found");
        awaitFreeSkus(4);
    }

    @Test
    void aSimulatedClusterRunsJobsWithoutProcesses() {
        String task = create(aTask().named(unique("sim")).cluster("sim").replicas(3).skuPerReplica(4));

        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        JsonNode ended = awaitRun(run, r -> isOver(r));

        assertThat(ended.get("state").asText()).isEqualTo("SUCCEEDED");
        JsonNode instances = alice.get("/api/v1/runs/" + run + "/instances").json();
        assertThat(instances.get("items").findValuesAsText("state")).containsOnly("EXITED");
        assertThat(instances.get("items").findValues("pid")).isEmpty();
        // 3 replicas of 4 SKUs on nodes of 8, best fit: two fill one node, the third goes to the next
        assertThat(instances.get("items").findValuesAsText("node")).containsExactly("sim-0", "sim-0", "sim-1");
    }

    @Test
    void integratorsStartARunOverCamundaRest() {
        String task = create(aTask().named(unique("rest")).with("command", List.of("true")));
        Api admin = Api.anonymous(port).as("admin");

        Api.Response started = admin.post("/engine-rest/process-definition/key/task-run/start",
                "{\"variables\": {\"taskId\": {\"value\": \"" + task + "\", \"type\": \"String\"}}}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String run = started.json().get("businessKey").asText();

        assertThat(awaitRun(run, r -> isOver(r)).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(awaitRun(run, r -> true).get("requestedBy").asText()).isEqualTo("admin");

        Api.Response refused = admin.post("/engine-rest/process-definition/key/task-run/start",
                "{\"variables\": {\"taskId\": {\"value\": \"tnosuchtask00\", \"type\": \"String\"}}}");
        String instance = refused.json().get("id").asText();
        assertThat(refused.json().get("ended").asBoolean()).isTrue();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("refusal")
                .singleResult().getValue().toString()).contains("tnosuchtask00").contains("does not exist");
    }

    @Test
    void anEngineRestStartNamingALiveRunIsRefusedAndTheRunKeepsItsProcess() {
        String task = create(aTask().named(unique("live")).with("command", List.of("sleep", "60")));
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();
        String process = await().atMost(Duration.ofSeconds(60)).until(() -> alice.get("/api/v1/runs/" + run).json(),
                r -> r.get("state").asText().equals("RUNNING")).get("processInstanceId").asText();
        Api admin = Api.anonymous(port).as("admin");

        Api.Response second = admin.post("/engine-rest/process-definition/key/task-run/start", """
                {"variables": {"taskId": {"value": "%s", "type": "String"}, "runId": {"value": "%s", "type": "String"}}}"""
                .formatted(task, run));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("ended").asBoolean()).as("the second process ends at once").isTrue();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(second.json().get("id").asText())
                .variableName("refusal").singleResult().getValue().toString()).contains("runId").contains("taskId only");
        assertThat(alice.get("/api/v1/runs/" + run).json().get("processInstanceId").asText()).isEqualTo(process);
        alice.post("/api/v1/tasks/" + task + "/stop", null);
        await().atMost(Duration.ofSeconds(60)).until(() -> alice.get("/api/v1/runs/" + run).json().get("state").asText(),
                "STOPPED"::equals);
    }

    private String create(io.tasklane.support.TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode awaitRun(String run, Predicate<JsonNode> condition) {
        return Await.until("run " + run + " to get there", () -> alice.get("/api/v1/runs/" + run).json(), condition);
    }

    private void awaitFreeSkus(int expected) {
        Await.until("cluster local to get back to " + expected + " free SKUs",
                () -> alice.get("/api/v1/clusters/local").json().get("freeSkus").asInt(), free -> free == expected);
    }

    private static boolean isOver(JsonNode run) {
        return List.of("STOPPED", "KILLED", "FAILED", "SUCCEEDED").contains(run.get("state").asText());
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
