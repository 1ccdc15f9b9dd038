package io.tasklane.budget;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.common.TaskId;
import io.tasklane.schedule.ScheduleFiring;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Budgets of a fresh project, spent by a simulated service on cluster sim that runs until stopped. */
@IntegrationTest
class BudgetTest {

    /** A one-off start in 2099: it never fires by itself during the suite; the test fires it. */
    static final String ONE_OFF = "{\"type\": \"ONE_OFF\", \"timeZone\": \"Asia/Shanghai\", \"at\": \"2099-01-01T09:30:00\", \"active\": true}";
    static final java.time.Instant ONE_OFF_AT = java.time.Instant.parse("2099-01-01T01:30:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ScheduleFiring firing;
    Api admin;
    String project;

    @BeforeEach
    void setUp() {
        admin = Api.anonymous(port).as("admin");
        project = "bg-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
    }

    @AfterEach
    void stopEverything() {
        for (String task : admin.get("/api/v1/tasks?project=" + project + "&limit=500").items("id")) {
            admin.post("/api/v1/tasks/" + task + "/stop", null);
        }
    }

    @Test
    void anEnforcedSpentBudgetRefusesNewStartsTellsItsWebhookAndKeepsTheRunningRunRunning() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String webhook = admin.post("/api/v1/projects/" + project + "/webhooks", "{\"url\": \"" + receiver.url()
                    + "\", \"events\": [\"BUDGET_SPENT\"]}").json().get("id").asText();
            String running = start(create("running"));
            Await.until("the first run to run", () -> admin.get("/api/v1/runs/" + running).json(), r -> r.get("state").asText().equals("RUNNING"));

            // 0.0001 GPU-hours is 0.36 GPU-seconds: the running service spends it at once.
            Api.Response set = admin.put(budget(), "{\"monthlyGpuHours\": 0.0001, \"enforce\": true, \"timeZone\": \"Asia/Taipei\"}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            JsonNode spent = Await.until("the budget to be spent", () -> admin.get(budget()).json(), b -> b.get("state").asText().equals("SPENT"));
            assertThat(spent.get("remainingGpuHours").asDouble()).isZero();
            assertThat(spent.get("timeZone").asText()).isEqualTo("Asia/Taipei");
            assertThat(spent.has("exhaustsOn")).isFalse();

            String second = create("second");
            Api.Response refused = admin.post("/api/v1/tasks/" + second + "/start", null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.json().get("rule").asText()).isEqualTo("budget-spent");
            assertThat(refused.json().get("field").asText()).isEqualTo("budget");
            assertThat(refused.json().get("detail").asText()).startsWith("project " + project + " has used ").contains("of its 1.0E-4 GPU-hours");
            assertThat(admin.get("/api/v1/tasks/" + second).json().get("state").asText()).as("nothing opened").isEqualTo("CREATED");
            assertThat(admin.get("/api/v1/runs/" + running).json().get("state").asText()).as("never killed").isEqualTo("RUNNING");

            // A schedule's fire is refused the same way, recorded as skipped (not retried by the engine).
            assertThat(admin.put("/api/v1/tasks/" + second + "/schedule", ONE_OFF).status()).isEqualTo(200);
            assertThat(firing.fire(new TaskId(second), ONE_OFF_AT)).isEqualTo(ScheduleFiring.Outcome.SKIPPED);
            assertThat(admin.get("/api/v1/tasks/" + second + "/events").json().findValuesAsText("reason"))
                    .anyMatch(reason -> reason.contains("skipped: project " + project + " has used"));
            assertThat(admin.get("/api/v1/tasks/" + second).json().get("state").asText()).isEqualTo("CREATED");
            admin.delete("/api/v1/tasks/" + second + "/schedule");

            JsonNode told = Await.until("the webhook to be told", () -> admin.get("/api/v1/projects/" + project + "/webhooks/" + webhook
                    + "/deliveries").json(), d -> d.at("/items/0/state").asText().equals("DELIVERED"));
            assertThat(told.get("total").asInt()).as("once a month").isEqualTo(1);
            assertThat(receiver.received().get(0).bodyText()).contains("\"event\":\"BUDGET_SPENT\"").contains("\"project\":\"" + project + "\"");

            assertThat(admin.put(budget(), "{\"monthlyGpuHours\": 0.0001, \"enforce\": false}").status()).isEqualTo(200);
            assertThat(admin.post("/api/v1/tasks/" + second + "/start", null).status()).as("not enforced: only told").isEqualTo(201);
        }
    }

    @Test
    void adminsSetMembersReadAndBadValuesAreNamed() {
        assertThat(admin.get(budget()).status()).as("no budget yet").isEqualTo(404);
        assertThat(admin.put("/api/v1/projects/" + project + "/members/alice", "{\"role\": \"MEMBER\"}").status()).isEqualTo(204);
        Api alice = Api.anonymous(port).as("alice");
        assertThat(alice.put(budget(), "{\"monthlyGpuHours\": 100}").status()).isEqualTo(403);

        JsonNode set = admin.put(budget(), "{\"monthlyGpuHours\": 100, \"warnShare\": 0.5}").json();
        assertThat(set.get("state").asText()).isEqualTo("OK");
        assertThat(set.get("usedGpuHours").asDouble()).isZero();
        assertThat(set.get("enforce").asBoolean()).isFalse();
        JsonNode read = alice.get(budget()).json();
        assertThat(read.get("monthlyGpuHours").asDouble()).isEqualTo(100.0);
        assertThat(read.get("warnShare").asDouble()).isEqualTo(0.5);
        assertThat(read.get("timeZone").asText()).isEqualTo("UTC");

        Api.Response bad = admin.put(budget(), "{\"monthlyGpuHours\": -1, \"warnShare\": 2}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("monthlyGpuHours", "warnShare");

        assertThat(alice.delete(budget()).status()).isEqualTo(403);
        assertThat(admin.delete(budget()).status()).isEqualTo(204);
        assertThat(alice.get(budget()).status()).isEqualTo(404);
    }

    private String budget() {
        return "/api/v1/projects/" + project + "/budget";
    }

    private String create(String name) {
        Api.Response created = admin.post("/api/v1/tasks", aTask().named(name).project(project).cluster("sim").with("kind", "SERVICE").json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String start(String task) {
        Api.Response started = admin.post("/api/v1/tasks/" + task + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }
}
