package io.tasklane.api.authz;

import static io.tasklane.support.TaskJson.aTask;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.TaskJson;

/**
 * Fresh things for the cells of the authorization matrices, made over the API: tasks of project demo on cluster
 * levers (2 nodes of 4 SKUs, simulated runtime) in every state a cell needs, pin requests, force-starts waiting for
 * confirmation, clusters of the API. levers is kept full by two running fillers, so a started task waits in its
 * queue, and a force-start finds victims. {@link #settle()} after each cell leaves the queue without a pin or an open
 * force-start (one per queue); {@link #removeAll()} stops and removes everything, so the suite's next class finds
 * levers empty, as {@code AdminLeversTest} expects.
 */
final class MatrixFixtures {

    static final String CLUSTER = "levers";
    static final String DEMO_QUOTA = "/api/v1/projects/demo/quotas/" + CLUSTER;
    static final String DEMO_BUDGET = "/api/v1/projects/demo/budget";
    static final String DEMO_WEBHOOKS = "/api/v1/projects/demo/webhooks";
    static final String WEBHOOK = "{\"url\": \"http://127.0.0.1:9/hook\", \"events\": [\"BUDGET_SPENT\"]}";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Api admin;
    private final Api alice;
    private final List<String> tasks = new ArrayList<>();
    private final List<String> clusters = new ArrayList<>();
    private final List<String> openPinRequests = new ArrayList<>();
    private final List<String> openForceStarts = new ArrayList<>();
    private String finishedRun;

    MatrixFixtures(Api anonymous) {
        this.admin = anonymous.as("admin");
        this.alice = anonymous.as("alice");
    }

    /** Starts the two fillers that keep levers full. */
    void fillLevers() {
        String a = queuedTask();
        String b = queuedTask();
        awaitState(a, "RUNNING");
        awaitState(b, "RUNNING");
    }

    /** A body for a new task of demo on levers, of one replica as big as a node. */
    TaskJson newTask() {
        return aTask().named(unique("authz")).cluster(CLUSTER).with("kind", "SERVICE").skuPerReplica(4);
    }

    String createdTask() {
        Api.Response created = alice.post("/api/v1/tasks", newTask().json());
        String id = expect(created, 201).get("id").asText();
        tasks.add(id);
        return id;
    }

    String archivedTask() {
        String id = createdTask();
        expect(alice.post("/api/v1/tasks/" + id + "/archive", null), 200);
        return id;
    }

    /** Started by alice; it waits in the queue while the fillers hold levers. */
    String queuedTask() {
        String id = createdTask();
        expect(alice.post("/api/v1/tasks/" + id + "/start", null), 201);
        return id;
    }

    /** Queued and pinned by an admin (whose request needs no review). */
    String pinnedTask() {
        String id = queuedTask();
        expect(admin.post("/api/v1/tasks/" + id + "/pin-requests", "{}"), 201);
        return id;
    }

    /** alice's request to pin a queued task, waiting for an admin's review; its id. */
    JsonNode pendingPinRequest() {
        JsonNode request = expect(alice.post("/api/v1/tasks/" + queuedTask() + "/pin-requests", "{}"), 201);
        openPinRequests.add(request.get("id").asText());
        return request;
    }

    /** A force-start of a pinned task, planned (a filler is its victim) and waiting for an admin's confirmation. */
    JsonNode forceStartAwaitingConfirmation() {
        JsonNode start = expect(admin.post("/api/v1/tasks/" + pinnedTask() + "/force-start", null), 201);
        openForceStarts.add(start.get("id").asText());
        if (!start.get("state").asText().equals("AWAITING_CONFIRMATION")) {
            throw new IllegalStateException("no force-start to confirm: " + start);
        }
        return start;
    }

    /** A run of a demo task on cluster local that ended and left a log; the same for every cell. */
    String finishedRunWithLog() {
        if (finishedRun == null) {
            String task = expect(alice.post("/api/v1/tasks", aTask().named(unique("authz-log")).json()), 201).get("id").asText();
            String run = expect(alice.post("/api/v1/tasks/" + task + "/start", null), 201).get("id").asText();
            await("run " + run + " to end").atMost(PATIENCE)
                    .until(() -> alice.get("/api/v1/runs/" + run).json().path("finishedAt").isTextual());
            finishedRun = run;
        }
        return finishedRun;
    }

    /** A cluster of the API with node n-1, granted to dave. */
    String apiCluster() {
        String name = unique("authz");
        expect(admin.post("/api/v1/clusters", clusterBody(name)), 201);
        clusters.add(name);
        expect(admin.post("/api/v1/clusters/" + name + "/grants", "{\"user\": \"dave\"}"), 204);
        return name;
    }

    String clusterBody(String name) {
        return """
                {"name": "%s", "gpuType": "NVIDIA L4", "sku": {"gpus": 1, "cpu": 4, "memoryGib": 16},
                 "nodes": [{"name": "n-1", "capacitySkus": 2}]}""".formatted(name);
    }

    /** Notes a cluster a cell made, to remove it at the end. */
    void madeCluster(String name) {
        clusters.add(name);
    }

    /** Notes what an answer made that must not outlive its cell: a task, a pending pin request, a force-start. */
    void made(Api.Response answer) {
        if (answer.status() != 201) {
            return;
        }
        String id = answer.json().path("id").asText();
        if (id.startsWith("p")) {
            openPinRequests.add(id);
        } else if (id.startsWith("f")) {
            openForceStarts.add(id);
        } else if (id.startsWith("t")) {
            tasks.add(id);
        }
    }

    /** Waits until the task of a confirmed force-start runs in its victim's place, so levers is full again. */
    void awaitRunning(String task) {
        awaitState(task, "RUNNING");
    }

    /** Demo's quota on levers, too large to hold anything back: what a cell that removes a quota removes. */
    String quotaOfDemo() {
        expect(admin.put(DEMO_QUOTA, "{\"maxSkus\": 1000}"), 200);
        return DEMO_QUOTA;
    }

    /** A budget on demo that no test spends (not enforced), so the budget's reads answer 200. */
    String budgetOfDemo() {
        expect(admin.put(DEMO_BUDGET, "{\"monthlyGpuHours\": 1000000}"), 200);
        return DEMO_BUDGET;
    }

    /** A webhook of demo told only of a spent budget (demo's never is), so nothing is ever sent to its closed port. */
    String webhookOfDemo() {
        Api.Response made = admin.post(DEMO_WEBHOOKS, WEBHOOK);
        expect(made, 201);
        return DEMO_WEBHOOKS + "/" + made.json().get("id").asText();
    }

    void putDaveInDemo() {
        expect(admin.put("/api/v1/projects/demo/members/dave", ""), 204);
    }

    void takeDaveOutOfDemo() {
        expect(admin.delete("/api/v1/projects/demo/members/dave"), 204);
    }

    /** No open force-start, no pending pin request and no pinned task on levers: as before the cell. */
    void settle() {
        openForceStarts.forEach(id -> admin.post("/api/v1/force-starts/" + id + "/reject", null));
        openForceStarts.clear();
        openPinRequests.forEach(id -> admin.post("/api/v1/pin-requests/" + id + "/reject", "{}"));
        openPinRequests.clear();
        admin.get("/api/v1/tasks?cluster=" + CLUSTER + "&state=QUEUED&limit=500").json().get("items").forEach(task -> {
            if (task.path("pinned").asBoolean()) {
                admin.post("/api/v1/tasks/" + task.get("id").asText() + "/unpin", null);
            }
        });
    }

    /** Stops every task made here and removes the clusters; waits until levers is empty again. */
    void removeAll() {
        settle();
        tasks.forEach(id -> {
            admin.delete("/api/v1/tasks/" + id + "/schedule");
            admin.post("/api/v1/tasks/" + id + "/stop", null);
        });
        clusters.forEach(name -> admin.delete("/api/v1/clusters/" + name));
        admin.delete("/api/v1/projects/demo/members/dave");
        admin.delete(DEMO_QUOTA);
        admin.delete(DEMO_BUDGET);
        admin.get(DEMO_WEBHOOKS).items("id").forEach(id -> admin.delete(DEMO_WEBHOOKS + "/" + id));
        await("cluster levers to be empty").atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() ->
                admin.get("/api/v1/clusters/" + CLUSTER).json().get("freeSkus").asInt() == 8
                        && admin.get("/api/v1/clusters/" + CLUSTER + "/queue").json().get("total").asInt() == 0);
    }

    private void awaitState(String task, String state) {
        await("task " + task + " to be " + state).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.get("/api/v1/tasks/" + task).json().get("state").asText().equals(state));
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static JsonNode expect(Api.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("fixture not made (" + status + " expected): " + response);
        }
        return response.body().isEmpty() ? null : response.json();
    }
}
