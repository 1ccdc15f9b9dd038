package io.tasklane.api;

import static io.tasklane.api.TaskInputErrorsTest.assertProblem;
import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.common.TaskId;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import io.tasklane.security.Caller;
import io.tasklane.task.RunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pin and force-start end to end: PostgreSQL, the engine and its job executor, the real task-run,
 * pin-request and force-start processes, on cluster "levers" (simulated runtime, 2 nodes × 4 SKUs).
 * Every test stops what it started, so the cluster is empty for the next one.
 */
@IntegrationTest
class AdminLeversTest {

    @LocalServerPort
    int port;
    Api alice;
    Api admin;
    @Autowired
    RunService runs;
    final List<String> started = new java.util.ArrayList<>();

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
        admin = Api.anonymous(port).as("admin");
    }

    @AfterEach
    void stopEverything() {
        started.forEach(task -> alice.post("/api/v1/tasks/" + task + "/stop", null));
        await("cluster levers to be empty", () -> admin.get("/api/v1/clusters/levers").json(),
                c -> c.get("freeSkus").asInt() == 8 && admin.get("/api/v1/clusters/levers/queue").json().get("total").asInt() == 0);
    }

    @Test
    void aUsersPinRequestWaitsForReviewThenPutsTheTaskAtTheHeadOfItsQueue() {
        fillCluster();
        String urgent = startTask("urgent", 1, 9);
        String waiting = startTask("waiting", 4, 0);
        assertThat(position(waiting)).isEqualTo(2);

        Api.Response asked = alice.post("/api/v1/tasks/" + waiting + "/pin-requests", "{\"reason\": \"demo for the board at 10:00\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("state").asText()).isEqualTo("PENDING");
        assertThat(asked.json().get("reviewTaskId").asText()).isNotBlank();
        String request = asked.json().get("id").asText();
        assertProblem(alice.post("/api/v1/tasks/" + waiting + "/pin-requests", "{}"), 409, "pinRequest", "one-pending");
        assertProblem(alice.post("/api/v1/pin-requests/" + request + "/approve", "{}"), 403, "caller", null);

        JsonNode approved = admin.post("/api/v1/pin-requests/" + request + "/approve", "{\"comment\": \"ok\"}").json();

        assertThat(approved.get("state").asText()).as(approved.toString()).isEqualTo("PINNED");
        assertThat(approved.get("decidedBy").asText()).isEqualTo("admin");
        assertThat(alice.get("/api/v1/tasks/" + waiting).json().get("pinned").asBoolean()).isTrue();
        assertThat(position(waiting)).isEqualTo(1);
        assertThat(position(urgent)).isEqualTo(2);
        assertProblem(admin.post("/api/v1/pin-requests/" + request + "/reject", "{}"), 409, "state", "pending");
    }

    @Test
    void aQueueHasOnePinnedTaskAndTheSecondIsToldWhich() {
        fillCluster();
        String first = startTask("first", 4, 0);
        String second = startTask("second", 4, 0);
        assertThat(admin.post("/api/v1/tasks/" + first + "/pin-requests", "{}").json().get("state").asText()).isEqualTo("PINNED");

        Api.Response byAdmin = admin.post("/api/v1/tasks/" + second + "/pin-requests", "{}");
        assertProblem(byAdmin, 409, "pinned", "one-per-queue");
        assertThat(byAdmin.body()).contains(first);

        String request = alice.post("/api/v1/tasks/" + second + "/pin-requests", "{}").json().get("id").asText();
        JsonNode refused = admin.post("/api/v1/pin-requests/" + request + "/approve", "{}").json();
        assertThat(refused.get("state").asText()).isEqualTo("REFUSED");
        assertThat(refused.get("outcome").asText()).contains("already has a pinned task").contains(first);

        assertProblem(alice.post("/api/v1/tasks/" + first + "/unpin", null), 403, "caller", null);
        assertThat(admin.post("/api/v1/tasks/" + first + "/unpin", null).json().get("pinned").asBoolean()).isFalse();
        assertProblem(admin.post("/api/v1/tasks/" + first + "/unpin", null), 409, "pinned", "pinned");
    }

    @Test
    void aRejectedRequestLeavesTheTaskWhereItWas() {
        fillCluster();
        String waiting = startTask("waiting", 4, 0);
        String request = alice.post("/api/v1/tasks/" + waiting + "/pin-requests", "{}").json().get("id").asText();

        JsonNode rejected = admin.post("/api/v1/pin-requests/" + request + "/reject", "{\"comment\": \"not today\"}").json();

        assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("comment").asText()).isEqualTo("not today");
        assertThat(alice.get("/api/v1/tasks/" + waiting).json().get("pinned").asBoolean()).isFalse();
    }

    @Test
    void onlyAQueuedTaskCanBePinnedAndThePinEndsWhenItLeavesTheQueue() {
        String running = startTask("running", 4, 0);
        awaitTask(running, "RUNNING");
        assertProblem(alice.post("/api/v1/tasks/" + running + "/pin-requests", "{}"), 409, "state", "queued");

        String filler = startTask("filler", 4, 0);
        awaitTask(filler, "RUNNING");
        String waiting = startTask("waiting", 4, 0);
        admin.post("/api/v1/tasks/" + waiting + "/pin-requests", "{}");
        alice.post("/api/v1/tasks/" + running + "/stop", null);

        JsonNode admitted = awaitTask(waiting, "RUNNING");
        assertThat(admitted.get("pinned").asBoolean()).isFalse();
    }

    @Test
    void aConfirmedForceStartKillsTheCheapestRunAndTheFreedGpusGoToThePinnedTask() {
        String cheap = startTask("cheap", 4, 0);
        String valued = startTask("valued", 4, 5);
        awaitTask(cheap, "RUNNING");
        awaitTask(valued, "RUNNING");
        String pinned = startTask("pinned", 4, 0);
        admin.post("/api/v1/tasks/" + pinned + "/pin-requests", "{}");
        assertProblem(alice.post("/api/v1/tasks/" + pinned + "/force-start", null), 403, "caller", null);

        Api.Response planned = admin.post("/api/v1/tasks/" + pinned + "/force-start", null);

        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        JsonNode plan = planned.json();
        assertThat(plan.get("state").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(plan.get("confirmationTaskId").asText()).isNotBlank();
        assertThat(plan.get("victims")).hasSize(1);
        assertThat(plan.at("/victims/0/taskId").asText()).isEqualTo(cheap);
        assertThat(plan.at("/victims/0/owner").asText()).isEqualTo("alice");
        assertThat(plan.at("/victims/0/gpus").asInt()).isEqualTo(8);
        assertThat(plan.at("/victims/0/runningSince").asText()).isNotBlank();
        String id = plan.get("id").asText();
        // A new task while the plan waits, and while the victims are killed: it cannot take their GPUs.
        String latecomer = startTask("latecomer", 1, 9);

        JsonNode confirmed = admin.post("/api/v1/force-starts/" + id + "/confirm", null).json();

        assertThat(confirmed.get("state").asText()).as(confirmed.toString()).isIn("KILLING", "STARTED");
        JsonNode killed = awaitTask(cheap, "KILLED");
        assertThat(lastRun(cheap).get("reason").asText()).isEqualTo("killed to force-start " + name(pinned) + " by admin");
        assertThat(killed.get("state").asText()).isEqualTo("KILLED");
        awaitTask(pinned, "RUNNING");
        assertThat(await("the force-start to end", () -> admin.get("/api/v1/force-starts/" + id).json(),
                f -> !f.get("state").asText().equals("KILLING")).get("state").asText()).isEqualTo("STARTED");
        assertThat(alice.get("/api/v1/tasks/" + latecomer).json().get("state").asText()).isEqualTo("QUEUED");
        assertThat(alice.get("/api/v1/tasks/" + valued).json().get("state").asText()).isEqualTo("RUNNING");
        assertProblem(admin.post("/api/v1/force-starts/" + id + "/confirm", null), 409, "state", "awaiting-confirmation");
    }

    @Test
    void aForceStartPlansForTheSizeOfTheQueuedRunNotTheTasksConfiguredSize() {
        String cheap = startTask("cheap", 4, 0);
        String valued = startTask("valued", 4, 5);
        awaitTask(cheap, "RUNNING");
        awaitTask(valued, "RUNNING");
        String pinned = create(aTask().named(unique("window")).cluster("levers").with("kind", "SERVICE").skuPerReplica(4), alice);
        started.add(pinned);
        // As a daily window starts it: at the window's maxReplicas (2), while the task says 1.
        runs.start(new Caller("alice", Set.of()), new TaskId(pinned), 2);
        admin.post("/api/v1/tasks/" + pinned + "/pin-requests", "{}");

        JsonNode plan = admin.post("/api/v1/tasks/" + pinned + "/force-start", null).json();

        assertThat(plan.get("state").asText()).as(plan.toString()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(plan.get("victims").findValuesAsText("taskId")).containsExactlyInAnyOrder(cheap, valued);
        JsonNode form = admin.get("/engine-rest/task/" + plan.get("confirmationTaskId").asText() + "/localVariables").json();
        assertThat(form.at("/gpus/value").asText()).isEqualTo("16 GPU(s): 2 replica(s) of 4 SKU(s)");
        admin.post("/api/v1/force-starts/" + plan.get("id").asText() + "/confirm", null);
        awaitTask(pinned, "RUNNING");
        assertThat(lastRun(pinned).get("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void aRejectedForceStartKillsNothingAndKeepsThePin() {
        fillCluster();
        String pinned = startTask("pinned", 4, 0);
        admin.post("/api/v1/tasks/" + pinned + "/pin-requests", "{}");
        String id = admin.post("/api/v1/tasks/" + pinned + "/force-start", null).json().get("id").asText();

        JsonNode rejected = admin.post("/api/v1/force-starts/" + id + "/reject", null).json();

        assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
        assertThat(alice.get("/api/v1/tasks/" + pinned).json().get("pinned").asBoolean()).isTrue();
        assertThat(started.subList(0, 2)).allSatisfy(task ->
                assertThat(alice.get("/api/v1/tasks/" + task).json().get("state").asText()).isEqualTo("RUNNING"));
    }

    @Test
    void twoAdminsForceStartingAtOnceGetOneForceStartAndOneReason() throws Exception {
        fillCluster();
        String pinned = startTask("pinned", 4, 0);
        admin.post("/api/v1/tasks/" + pinned + "/pin-requests", "{}");
        Api otherAdmin = Api.anonymous(port).as("admin");

        // Several rounds of two requests released at the same instant: without the cluster lock in
        // force-start, both pass the "one open force-start per cluster" check in some round.
        for (int round = 0; round < 8; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService both = Executors.newFixedThreadPool(2);
            Future<Api.Response> first = both.submit(() -> {
                together.await();
                return admin.post("/api/v1/tasks/" + pinned + "/force-start", null);
            });
            Future<Api.Response> second = both.submit(() -> {
                together.await();
                return otherAdmin.post("/api/v1/tasks/" + pinned + "/force-start", null);
            });
            List<Api.Response> answers = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
            both.shutdown();

            assertThat(answers).extracting(Api.Response::status).as("round " + round).containsExactlyInAnyOrder(201, 409);
            Api.Response won = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow();
            Api.Response lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            String id = won.json().get("id").asText();
            assertProblem(lost, 409, "forceStart", "one-per-queue");
            assertThat(lost.body()).contains(id);
            assertThat(admin.post("/api/v1/force-starts/" + id + "/reject", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aVictimThatStopsOnItsOwnBeforeConfirmationIsNotKilledAndThePinnedTaskStartsOnItsGpus() {
        String victim = startTask("victim", 4, 0);
        String other = startTask("other", 4, 5);
        awaitTask(victim, "RUNNING");
        awaitTask(other, "RUNNING");
        String pinned = startTask("pinned", 4, 0);
        admin.post("/api/v1/tasks/" + pinned + "/pin-requests", "{}");
        JsonNode plan = admin.post("/api/v1/tasks/" + pinned + "/force-start", null).json();
        assertThat(plan.at("/victims/0/taskId").asText()).isEqualTo(victim);

        alice.post("/api/v1/tasks/" + victim + "/stop", null);
        awaitTask(victim, "STOPPED");
        awaitTask(pinned, "RUNNING");

        JsonNode ended = await("the force-start to end", () -> admin.get("/api/v1/force-starts/" + plan.get("id").asText()).json(),
                f -> !f.get("state").asText().equals("AWAITING_CONFIRMATION"));
        assertThat(ended.get("state").asText()).isEqualTo("STARTED");
        assertThat(ended.get("outcome").asText()).startsWith("nothing killed");
        assertThat(lastRun(victim).get("reason").asText()).isEqualTo("stopped by alice");
        assertThat(alice.get("/api/v1/tasks/" + other).json().get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void stoppingThePinnedTaskDuringConfirmationEndsTheForceStartWithNothingKilled() {
        fillCluster();
        String pinned = startTask("pinned", 4, 0);
        admin.post("/api/v1/tasks/" + pinned + "/pin-requests", "{}");
        String id = admin.post("/api/v1/tasks/" + pinned + "/force-start", null).json().get("id").asText();

        alice.post("/api/v1/tasks/" + pinned + "/stop", null);

        JsonNode ended = await("the force-start to end", () -> admin.get("/api/v1/force-starts/" + id).json(),
                f -> !f.get("state").asText().equals("AWAITING_CONFIRMATION"));
        assertThat(ended.get("state").asText()).isEqualTo("ABANDONED");
        assertThat(ended.get("outcome").asText()).startsWith("nothing killed");
        assertThat(started.subList(0, 2)).allSatisfy(task ->
                assertThat(alice.get("/api/v1/tasks/" + task).json().get("state").asText()).isEqualTo("RUNNING"));
        assertProblem(admin.post("/api/v1/force-starts/" + id + "/confirm", null), 409, "state", "awaiting-confirmation");
    }

    @Test
    void aForceStartNoKillCanFitEndsAtOnceAndKillsNothing() {
        String cluster = "cordoned-" + Long.toString(System.nanoTime(), 36);
        admin.post("/api/v1/clusters", """
                {"name": "%s", "gpuType": "NVIDIA L40S", "sku": {"gpus": 1, "cpu": 8, "memoryGib": 32},
                 "nodes": [{"name": "%s-1", "capacitySkus": 4}, {"name": "%s-2", "capacitySkus": 4}]}""".formatted(cluster, cluster, cluster));
        String task = create(aTask().named(unique("wide")).cluster(cluster).replicas(2).skuPerReplica(4), admin);
        // The second node is cordoned: the task needs both.
        admin.put("/api/v1/clusters/" + cluster + "/nodes/" + cluster + "-2", "{\"capacitySkus\": 4, \"schedulable\": false}");
        admin.post("/api/v1/tasks/" + task + "/start", null);
        admin.post("/api/v1/tasks/" + task + "/pin-requests", "{}");

        JsonNode impossible = admin.post("/api/v1/tasks/" + task + "/force-start", null).json();

        assertThat(impossible.get("state").asText()).isEqualTo("IMPOSSIBLE");
        assertThat(impossible.get("outcome").asText()).startsWith("cannot force start: the task needs 2 replica(s) of 4 SKU(s)");
        assertThat(impossible.get("victims")).isEmpty();
        admin.post("/api/v1/tasks/" + task + "/stop", null);
        awaitTaskAs(admin, task, "STOPPED");
    }

    private void fillCluster() {
        String a = startTask("fill-a", 4, 0);
        String b = startTask("fill-b", 4, 0);
        awaitTask(a, "RUNNING");
        awaitTask(b, "RUNNING");
    }

    private String startTask(String name, int skus, int priority) {
        String task = create(aTask().named(unique(name)).cluster("levers").with("kind", "SERVICE").skuPerReplica(skus)
                .with("priority", priority), alice);
        Api.Response run = alice.post("/api/v1/tasks/" + task + "/start", null);
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        started.add(task);
        return task;
    }

    private static String create(io.tasklane.support.TaskJson task, Api as) {
        Api.Response created = as.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private int position(String task) {
        return alice.get("/api/v1/tasks/" + task).json().get("queuePosition").asInt();
    }

    private String name(String task) {
        return alice.get("/api/v1/tasks/" + task).json().get("name").asText();
    }

    private JsonNode lastRun(String task) {
        return alice.get("/api/v1/tasks/" + task + "/runs").json().at("/items/0");
    }

    private JsonNode awaitTask(String task, String state) {
        return awaitTaskAs(alice, task, state);
    }

    private static JsonNode awaitTaskAs(Api as, String task, String state) {
        return await("task " + task + " to be " + state, () -> as.get("/api/v1/tasks/" + task).json(),
                t -> t.get("state").asText().equals(state));
    }

    private static JsonNode await(String what, java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> condition) {
        return Await.until(what, read, condition);
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
