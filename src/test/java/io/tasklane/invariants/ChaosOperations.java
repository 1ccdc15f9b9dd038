package io.tasklane.invariants;

import static io.tasklane.support.TaskJson.aTask;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.common.RunId;
import io.tasklane.sizing.RunResizer;
import io.tasklane.support.Api;

/**
 * The operations people and schedules do to tasks of one cluster, chosen at random: create, start, stop,
 * ask for a pin, approve or reject it, pin as an admin, unpin, force-start and confirm or reject, resize a
 * running run (as a daily window does), delete. Each call's answer is checked to be one a person could get
 * (2xx, or a 4xx with a reason); a 5xx or an unexpected status is a failure.
 */
final class ChaosOperations {

    static final String CLUSTER = "chaos";
    static final int CLUSTER_SKUS = 12;

    private final Api alice;
    private final Api admin;
    private final RunResizer resizer;
    private final List<String> tasks = new CopyOnWriteArrayList<>();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicInteger created = new AtomicInteger();
    private final Predicate<String> keepsEvidence;

    /** {@code keepsEvidence}: tasks not to delete, since a force-start's record would go with them. */
    ChaosOperations(Api alice, Api admin, RunResizer resizer, Predicate<String> keepsEvidence) {
        this.alice = alice;
        this.admin = admin;
        this.resizer = resizer;
        this.keepsEvidence = keepsEvidence;
    }

    List<String> tasks() {
        return tasks;
    }

    /** Answers no person should get: a 5xx, or a status the operation never answers. */
    List<String> unexpectedAnswers() {
        return unexpected;
    }

    /** One operation, chosen by {@code random}; returns its name (for the log of a failing run). */
    String step(Random random) {
        if (tasks.size() < 6 || random.nextInt(12) == 0) {
            create(random);
            return "create";
        }
        String task = tasks.get(random.nextInt(tasks.size()));
        int choice = random.nextInt(100);
        if (choice < 34) {
            expect("start", alice.post(path(task, "/start"), null), 201, 404, 409);
            return "start " + task;
        }
        if (choice < 42) {
            expect("stop", alice.post(path(task, "/stop"), null), 202, 404, 409);
            return "stop " + task;
        }
        // The admins' levers act on queued tasks: pick one from the queue, as an admin would.
        List<JsonNode> queue = admin.get("/api/v1/clusters/" + CLUSTER + "/queue").json().path("items").findParents("taskId");
        if (queue.isEmpty()) {
            resize(task, random);
            return "resize " + task;
        }
        JsonNode entry = queue.get(random.nextInt(queue.size()));
        String queued = entry.get("taskId").asText();
        if (choice < 54) {
            askForPin(queued, random);
        } else if (choice < 60) {
            expect("admin pin", admin.post(path(queued, "/pin-requests"), "{\"reason\": \"chaos\"}"), 201, 404, 409);
        } else if (choice < 64) {
            expect("unpin", admin.post(path(queued, "/unpin"), null), 200, 404, 409);
        } else if (choice < 84) {
            String pinned = queue.stream().filter(e -> e.path("pinned").asBoolean()).map(e -> e.get("taskId").asText())
                    .findFirst().orElse(queued);
            forceStart(pinned, random);
        } else if (choice < 94) {
            resize(task, random);
        } else {
            delete(task);
        }
        return "op " + choice + " on " + task + " / queued " + queued;
    }

    private void create(Random random) {
        boolean service = random.nextBoolean();
        Api.Response response = alice.post("/api/v1/tasks", aTask().named("chaos-" + created.incrementAndGet() + "-" + random.nextInt(1_000_000))
                .cluster(CLUSTER).with("kind", service ? "SERVICE" : "JOB").replicas(1 + random.nextInt(3))
                .skuPerReplica(1 + random.nextInt(2)).with("priority", random.nextInt(4)).json());
        if (expect("create", response, 201)) {
            tasks.add(response.json().get("id").asText());
        }
    }

    private void askForPin(String task, Random random) {
        Api.Response asked = alice.post(path(task, "/pin-requests"), "{\"reason\": \"chaos\"}");
        if (!expect("pin request", asked, 201, 404, 409) || !asked.json().path("state").asText().equals("PENDING")) {
            return;
        }
        String decision = random.nextInt(3) == 0 ? "/reject" : "/approve";
        expect("pin decision", admin.post("/api/v1/pin-requests/" + asked.json().get("id").asText() + decision, "{}"), 200, 409);
    }

    private void forceStart(String task, Random random) {
        Api.Response planned = admin.post(path(task, "/force-start"), null);
        if (!expect("force-start", planned, 201, 404, 409) || !planned.json().path("state").asText().equals("AWAITING_CONFIRMATION")) {
            return;
        }
        String decision = random.nextInt(4) == 0 ? "/reject" : "/confirm";
        expect("force-start decision", admin.post("/api/v1/force-starts/" + planned.json().get("id").asText() + decision, null), 200, 409);
    }

    /** What a daily window does to a running run: ask it to take a new replica range. */
    private void resize(String task, Random random) {
        Api.Response read = alice.get("/api/v1/tasks/" + task);
        if (read.status() != 200 || !read.json().hasNonNull("currentRunId") || !read.json().get("state").asText().equals("RUNNING")) {
            return;
        }
        JsonNode spec = read.json();
        int max = 1 + random.nextInt(Math.max(1, CLUSTER_SKUS / 2 / spec.get("skuPerReplica").asInt()));
        try {
            // A run that ended meanwhile takes the request and never applies it: no failure either way.
            resizer.requestRange(new RunId(spec.get("currentRunId").asText()), 1 + random.nextInt(max), max);
        } catch (RuntimeException failed) {
            unexpected.add("resize of " + task + ": " + failed);
        }
    }

    private void delete(String task) {
        if (keepsEvidence.test(task)) {
            return;
        }
        Api.Response deleted = alice.delete("/api/v1/tasks/" + task);
        if (expect("delete", deleted, 204, 404, 409) && deleted.status() == 204) {
            tasks.remove(task);
        }
    }

    /** Ends every run: unpin, stop each task, and let the runs end. */
    void stopEverything() {
        for (String task : tasks) {
            admin.post(path(task, "/unpin"), null);
            alice.post(path(task, "/stop"), null);
        }
    }

    private boolean expect(String operation, Api.Response response, int... allowed) {
        for (int status : allowed) {
            if (response.status() == status) {
                return status < 300;
            }
        }
        unexpected.add(operation + " answered " + response.status() + ": " + response.body());
        return false;
    }

    private static String path(String task, String action) {
        return "/api/v1/tasks/" + task + action;
    }
}
