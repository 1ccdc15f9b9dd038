package io.tasklane.api;

import static io.tasklane.api.ScheduleApiTest.schedulePath;
import static io.tasklane.api.ScheduleApiTest.unique;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A daily schedule on the simulated cluster "sim" (3 nodes x 8 SKUs): its first window starts the
 * task, the next grows the running run (queued while a filler holds the GPUs, the run keeping its
 * size), the last shrinks it. Windows lie hours ahead; the test fires each one by executing the
 * schedule's timer job, as the job executor would when its time comes. A shrink on the local runtime
 * stops the removed replicas' real processes and leaves the rest serving.
 */
@IntegrationTest
class DailyResizeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final int SIM_SKUS = 24;

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    Api alice;

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void windowsStartGrowAfterQueueingAndShrinkARunningRun() {
        String filler = create(aTask().named(unique("filler")).cluster("sim").with("kind", "SERVICE").replicas(4).skuPerReplica(4));
        alice.post("/api/v1/tasks/" + filler + "/start", null);
        awaitTask(filler, "RUNNING");
        String task = create(aTask().named(unique("daily")).cluster("sim").with("kind", "SERVICE").skuPerReplica(4));
        LocalTime now = LocalTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
        Api.Response set = alice.put(schedulePath(task), """
                {"type": "DAILY", "timeZone": "Asia/Shanghai", "active": true, "windows": [
                  {"time": "%s", "minReplicas": 1, "maxReplicas": 2},
                  {"time": "%s", "minReplicas": 2, "maxReplicas": 4},
                  {"time": "%s", "minReplicas": 1, "maxReplicas": 1}]}"""
                .formatted(now.plusHours(1), now.plusHours(2), now.plusHours(3)));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        fireNextWindow(task);
        JsonNode started = awaitTask(task, "RUNNING");
        String run = started.get("currentRunId").asText();
        assertThat(runJson(run).get("replicas").asInt()).isEqualTo(2);
        assertThat(runJson(run).get("requestedBy").asText()).isEqualTo("schedule");
        assertThat(freeSkus()).isZero();

        fireNextWindow(task);
        await("the grow to 4 waits in the queue", () -> growWaiting(run, 4));
        assertThat(runJson(run).get("state").asText()).isEqualTo("RUNNING");
        assertThat(runJson(run).get("replicas").asInt()).as("keeps its size while the grow waits").isEqualTo(2);
        assertThat(readyReplicas(run)).isEqualTo(2);

        alice.post("/api/v1/tasks/" + filler + "/stop", null);
        await("the grow gets the freed GPUs and its replicas run", () -> readyReplicas(run) == 4);
        assertThat(runJson(run).get("replicas").asInt()).isEqualTo(4);
        assertThat(growWaiting(run, 4)).isFalse();
        await("the filler's other GPUs are free", () -> freeSkus() == SIM_SKUS - 16);

        fireNextWindow(task);
        await("the shrink to 1 frees GPUs at once", () -> freeSkus() == SIM_SKUS - 4);
        assertThat(runJson(run).get("replicas").asInt()).isEqualTo(1);
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().get("total").asInt()).isEqualTo(1);
        assertThat(runJson(run).get("state").asText()).isEqualTo("RUNNING");

        alice.post("/api/v1/tasks/" + task + "/stop", null);
        awaitTask(task, "STOPPED");
        alice.delete(schedulePath(task));
        await("every GPU of sim is free again", () -> freeSkus() == SIM_SKUS);
    }

    @Test
    void aShrinkOnTheLocalRuntimeStopsTheRemovedReplicaProcessesAndKeepsServing() throws Exception {
        String task = create(aTask().named(unique("local-daily")).with("kind", "SERVICE")
                .with("command", List.of(TaskLifecycleTest.JAVA, TaskLifecycleTest.TINY_SERVER)));
        LocalTime now = LocalTime.now(SHANGHAI).truncatedTo(ChronoUnit.MINUTES);
        alice.put(schedulePath(task), """
                {"type": "DAILY", "timeZone": "Asia/Shanghai", "active": true, "windows": [
                  {"time": "%s", "minReplicas": 1, "maxReplicas": 3}, {"time": "%s", "minReplicas": 1, "maxReplicas": 1}]}"""
                .formatted(now.plusHours(1), now.plusHours(2)));
        fireNextWindow(task);
        String run = awaitTask(task, "RUNNING").get("currentRunId").asText();
        assertThat(readyReplicas(run)).isEqualTo(3);
        List<Long> removedPids = alice.get("/api/v1/runs/" + run + "/instances").json().get("items").findValues("pid").stream()
                .skip(1).map(JsonNode::asLong).toList();

        fireNextWindow(task);
        await("replicas 1 and 2 are stopped and their GPUs freed", () -> localFreeSkus() == 3);
        await("their processes are gone", () -> removedPids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().get("items").findValuesAsText("state")).containsExactly("READY");
        String endpoint = runJson(run).get("endpoint").asText().replaceFirst("//[^:/]+", "//127.0.0.1");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("hello from replica 0");
        assertThat(runJson(run).get("state").asText()).isEqualTo("RUNNING");

        alice.delete(schedulePath(task));
        alice.post("/api/v1/tasks/" + task + "/stop", null);
        awaitTask(task, "STOPPED");
        await("every slot of local is free again", () -> localFreeSkus() == 4);
    }

    private int localFreeSkus() {
        return alice.get("/api/v1/clusters/local").json().get("freeSkus").asInt();
    }

    /** Runs the schedule's timer job now, as the job executor does once the window's time has come. */
    private void fireNextWindow(String task) {
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey("task-schedule")
                .processInstanceBusinessKey(task).singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();
        management.executeJob(timer.getId());
    }

    private boolean growWaiting(String run, int replicas) {
        return jdbc.sql("select count(*) from tasklane.task_run where id = ? and grow_to = ? and grow_requested_at is not null")
                .params(run, replicas).query(Integer.class).single() == 1;
    }

    private int readyReplicas(String run) {
        JsonNode items = alice.get("/api/v1/runs/" + run + "/instances").json().get("items");
        return (int) items.findValuesAsText("state").stream().filter("READY"::equals).count();
    }

    private int freeSkus() {
        return alice.get("/api/v1/clusters/sim").json().get("freeSkus").asInt();
    }

    private JsonNode runJson(String run) {
        return alice.get("/api/v1/runs/" + run).json();
    }

    private String create(io.tasklane.support.TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode awaitTask(String task, String state) {
        await("task " + task + " is " + state, () -> alice.get("/api/v1/tasks/" + task).json().get("state").asText().equals(state));
        return alice.get("/api/v1/tasks/" + task).json();
    }

    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
