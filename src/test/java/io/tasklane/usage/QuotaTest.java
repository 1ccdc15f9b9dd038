package io.tasklane.usage;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.SharedClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On cluster fairshare (STRICT_FIFO, 2 nodes × 4 SKUs, simulated services that run until stopped): project A at its
 * quota waits, saying why, while project B's later run starts; lowering the quota kills nothing; raising it admits A.
 */
@IntegrationTest
class QuotaTest {

    @LocalServerPort
    int port;
    Api admin;
    String a;
    String b;

    @BeforeEach
    void setUp() {
        admin = Api.anonymous(port).as("admin");
        String suffix = Long.toString(System.nanoTime(), 36);
        a = "qa-" + suffix;
        b = "qb-" + suffix;
        for (String project : new String[] {a, b}) {
            assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        }
    }

    @AfterEach
    void emptyFairshare() {
        admin.delete("/api/v1/projects/" + a + "/quotas/fairshare");
        SharedClusters.empty(admin, "fairshare", 8);
    }

    @Test
    void aProjectAtItsQuotaWaitsWhileAnotherProjectsLaterRunStartsUnderStrictFifo() {
        assertThat(admin.put(quota(a), "{\"maxSkus\": 2}").status()).isEqualTo(200);
        String a1 = start(a, "a1", 2);
        awaitState(a1, "RUNNING");

        String a2 = start(a, "a2", 2);
        String b1 = start(b, "b1", 4);

        awaitState(b1, "RUNNING");
        JsonNode waiting = Await.until("a2 to say why it waits", () -> admin.get("/api/v1/runs/" + a2).json(), r -> r.has("reason"));
        assertThat(waiting.get("state").asText()).isEqualTo("QUEUED");
        assertThat(waiting.get("reason").asText())
                .isEqualTo("QuotaExceeded: project " + a + " holds 2 of its 2 SKUs on cluster fairshare; this run needs 2");
        JsonNode quotas = admin.get("/api/v1/projects/" + a + "/quotas").json();
        assertThat(quotas.at("/items/0/cluster").asText()).isEqualTo("fairshare");
        assertThat(quotas.at("/items/0/maxSkus").asInt()).isEqualTo(2);
        assertThat(quotas.at("/items/0/heldSkus").asInt()).isEqualTo(2);

        assertThat(admin.put(quota(a), "{\"maxSkus\": 1}").status()).as("lowered below what A holds").isEqualTo(200);
        assertThat(admin.get("/api/v1/runs/" + a1).json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(admin.get("/api/v1/projects/" + a + "/quotas").json().at("/items/0/heldSkus").asInt()).isEqualTo(2);

        assertThat(admin.put(quota(a), "{\"maxSkus\": 4}").status()).isEqualTo(200);
        JsonNode admitted = awaitState(a2, "RUNNING");
        assertThat(admitted.has("reason")).as("the wait's reason is gone once admitted").isFalse();
        assertThat(admin.get("/api/v1/runs/" + a1).json().get("state").asText()).as("killed nothing").isEqualTo("RUNNING");
    }

    @Test
    void aForceStartPastTheQuotaIsAdmittedAndSaidSoInTheTasksHistory() {
        assertThat(admin.put(quota(a), "{\"maxSkus\": 4}").status()).isEqualTo(200);
        String a1 = start(a, "a1", 4, 5);
        String b1 = start(b, "b1", 4, 0);
        awaitState(a1, "RUNNING");
        awaitState(b1, "RUNNING");
        String a2 = start(a, "a2", 4, 0);
        String task = admin.get("/api/v1/runs/" + a2).json().get("taskId").asText();
        // The cluster is full too, so no pass offers a2 and it shows no quota reason: the quota shows at its admission.
        assertThat(admin.get("/api/v1/runs/" + a2).json().get("state").asText()).isEqualTo("QUEUED");
        assertThat(admin.post("/api/v1/tasks/" + task + "/pin-requests", "{}").status()).isEqualTo(201);
        Await.until("a2's task to be pinned", () -> admin.get("/api/v1/tasks/" + task).json().get("pinned").asBoolean(), Boolean::booleanValue);

        Api.Response planned = admin.post("/api/v1/tasks/" + task + "/force-start", null);
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(planned.json().get("victims").findValuesAsText("runId")).as("the cheaper run, of the other project").containsExactly(b1);
        Api.Response confirmed = admin.post("/api/v1/force-starts/" + planned.json().get("id").asText() + "/confirm", null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);

        awaitState(a2, "RUNNING");
        assertThat(admin.get("/api/v1/runs/" + a1).json().get("state").asText()).isEqualTo("RUNNING");
        assertThat(admin.get("/api/v1/projects/" + a + "/quotas").json().at("/items/0/heldSkus").asInt()).as("over its quota of 4").isEqualTo(8);
        JsonNode overQuota = Await.until("the history to record the admission over the quota",
                () -> admin.get("/api/v1/tasks/" + task + "/events").json().findParents("type").stream()
                        .filter(e -> e.get("type").asText().equals("OVER_QUOTA")).toList(), events -> !events.isEmpty()).get(0);
        assertThat(overQuota.get("actor").asText()).isEqualTo("tasklane");
        assertThat(overQuota.get("reason").asText()).isEqualTo("admitted as the pinned task although its project is at its quota (project " + a
                + " holds 4 of its 4 SKUs on cluster fairshare; this run needs 4)");
    }

    @Test
    void onlyAdminsSetQuotasAndBadValuesAreNamed() {
        Api.Response byMember = Api.anonymous(port).as("alice").put(quota("demo"), "{\"maxSkus\": 2}");
        assertThat(byMember.status()).isEqualTo(403);
        Api.Response negative = admin.put(quota(a), "{\"maxSkus\": -1}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("field").asText()).isEqualTo("maxSkus");
        assertThat(admin.put("/api/v1/projects/" + a + "/quotas/no-such-cluster", "{\"maxSkus\": 1}").status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/projects/" + b + "/quotas/fairshare").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).as("alice").get("/api/v1/projects/demo/quotas").status()).as("members read them").isEqualTo(200);
    }

    private String start(String project, String name, int skus) {
        return start(project, name, skus, 0);
    }

    private String start(String project, String name, int skus, int priority) {
        Api.Response created = admin.post("/api/v1/tasks", aTask().named(name).project(project).cluster("fairshare")
                .with("kind", "SERVICE").skuPerReplica(skus).with("priority", priority).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = admin.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private JsonNode awaitState(String run, String state) {
        return Await.until("run " + run + " to be " + state, () -> admin.get("/api/v1/runs/" + run).json(), r -> r.get("state").asText().equals(state));
    }

    private static String quota(String project) {
        return "/api/v1/projects/" + project + "/quotas/fairshare";
    }
}
