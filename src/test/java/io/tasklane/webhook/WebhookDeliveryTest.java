package io.tasklane.webhook;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklane.common.RunId;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.WebhookReceiver;
import io.tasklane.task.RunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Webhooks of a fresh project, told through a real HTTP receiver: simulated services on cluster sim that run until
 * stopped or killed; a quota of 0 SKUs keeps a run waiting.
 */
@IntegrationTest
class WebhookDeliveryTest {

    static final String SECRET = "test-secret-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    RunService runService;
    @Autowired
    WaitingRunScan waitingScan;
    Api admin;
    String project;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        admin = Api.anonymous(port).as("admin");
        project = "wh-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        receiver = new WebhookReceiver();
    }

    /**
     * Stops and deletes this test's tasks: cluster sim is shared with tests that check no run there was killed
     * without a force-start an admin confirmed, and this test kills one directly.
     */
    @AfterEach
    void tearDown() {
        List<String> tasks = admin.get("/api/v1/tasks?project=" + project + "&limit=500").items("id");
        for (String task : tasks) {
            admin.post("/api/v1/tasks/" + task + "/stop", null);
        }
        for (String task : tasks) {
            Await.until("task " + task + " to be idle", () -> admin.get("/api/v1/tasks/" + task).json().path("state").asText(),
                    state -> List.of("CREATED", "STOPPED", "KILLED", "FAILED", "SUCCEEDED").contains(state));
            assertThat(admin.delete("/api/v1/tasks/" + task).status()).isEqualTo(204);
        }
        admin.delete("/api/v1/projects/" + project + "/quotas/sim");
        receiver.close();
    }

    @Test
    void aKilledRunIsToldWithABodySignedUnderTheSecret() throws Exception {
        String webhook = create("{\"url\": \"" + receiver.url() + "\", \"events\": [\"RUN_KILLED\"], \"secret\": \"" + SECRET + "\"}");
        String run = startService("victim").run();
        awaitState(run, "RUNNING");

        assertThat(runService.kill(new RunId(run), "killed to make room by admin")).isTrue();

        WebhookReceiver.Received request = Await.until("the receiver to be told", receiver::received, r -> !r.isEmpty()).get(0);
        assertThat(request.headers().get("x-tasklane-signature")).isEqualTo(WebhookSignature.of(SECRET, request.body()));
        assertThat(request.headers()).containsKeys("x-tasklane-timestamp", "x-tasklane-delivery").containsEntry("x-tasklane-event", "RUN_KILLED");
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("event").asText()).isEqualTo("RUN_KILLED");
        assertThat(body.get("runId").asText()).isEqualTo(run);
        assertThat(body.get("state").asText()).isEqualTo("KILLED");
        assertThat(body.get("reason").asText()).isEqualTo("killed to make room by admin");

        JsonNode log = Await.until("the delivery to be logged", () -> deliveries(webhook),
                d -> d.at("/items/0/state").asText().equals("DELIVERED"));
        assertThat(log.get("total").asInt()).isEqualTo(1);
        assertThat(log.at("/items/0/attempts").asInt()).isEqualTo(1);
        assertThat(log.at("/items/0/lastStatus").asInt()).isEqualTo(200);
        assertThat(admin.get("/api/v1/projects/" + project + "/webhooks/" + webhook).json().has("secret")).as("shown once").isFalse();
    }

    @Test
    void aReceiverFailingTwiceIsTriedAgainUntilItAnswersInSlacksFormat() throws Exception {
        receiver.answering(500, 503);
        String webhook = create("{\"url\": \"" + receiver.url() + "\", \"events\": [\"RUN_STOPPED\"], \"format\": \"SLACK\"}");
        Started started = startService("stopped");
        String run = started.run();
        awaitState(run, "RUNNING");
        assertThat(admin.post("/api/v1/tasks/" + started.task() + "/stop", null).status()).isLessThan(300);

        JsonNode log = Await.until("the third attempt to succeed", () -> deliveries(webhook),
                d -> d.at("/items/0/state").asText().equals("DELIVERED"));
        assertThat(log.at("/items/0/attempts").asInt()).isEqualTo(3);
        assertThat(log.at("/items/0/lastStatus").asInt()).isEqualTo(200);
        List<WebhookReceiver.Received> requests = receiver.received();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(WebhookReceiver.Received::bodyText).containsOnly(requests.get(0).bodyText());
        JsonNode slack = JSON.readTree(requests.get(0).body());
        assertThat(slack.fieldNames()).toIterable().containsExactly("text");
        assertThat(slack.get("text").asText()).contains("run " + run + " STOPPED").contains("project " + project);
    }

    @Test
    void aRunWaitingLongerThanTheThresholdIsToldOnce() {
        assertThat(admin.put("/api/v1/projects/" + project + "/quotas/sim", "{\"maxSkus\": 0}").status()).isEqualTo(200);
        String webhook = create("{\"url\": \"" + receiver.url() + "\", \"events\": [\"RUN_WAITING_LONG\"], \"waitThreshold\": \"PT1S\"}");
        String run = startService("waiting").run();

        JsonNode log = Await.until("the long wait to be told", () -> deliveries(webhook),
                d -> d.at("/items/0/state").asText().equals("DELIVERED"));
        assertThat(log.at("/items/0/eventType").asText()).isEqualTo("RUN_WAITING_LONG");
        assertThat(log.at("/items/0/eventKey").asText()).isEqualTo("RUN_WAITING_LONG:" + run);
        waitingScan.scan();
        waitingScan.scan();
        assertThat(deliveries(webhook).get("total").asInt()).as("once per run").isEqualTo(1);
        assertThat(admin.get("/api/v1/runs/" + run).json().get("state").asText()).isEqualTo("QUEUED");
    }

    @Test
    void onlyAdminsAndManagersSeeWebhooksAndBadRequestsNameTheField() {
        String webhook = create("{\"url\": \"" + receiver.url() + "\", \"events\": [\"RUN_FAILED\"]}");
        assertThat(admin.put("/api/v1/projects/" + project + "/members/alice", "{\"role\": \"MEMBER\"}").status()).isEqualTo(204);
        Api alice = Api.anonymous(port).as("alice");
        assertThat(alice.get("/api/v1/projects/" + project + "/webhooks").status()).as("a plain member").isEqualTo(403);
        assertThat(admin.put("/api/v1/projects/" + project + "/members/alice", "{\"role\": \"MANAGER\"}").status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/projects/" + project + "/webhooks").json().get("items").get(0).get("id").asText()).isEqualTo(webhook);
        assertThat(alice.get("/api/v1/projects/" + project + "/webhooks/" + webhook + "/deliveries").status()).isEqualTo(200);
        assertThat(Api.anonymous(port).as("bob").get("/api/v1/projects/" + project + "/webhooks").status()).as("not a member").isEqualTo(404);

        Api.Response bad = admin.post("/api/v1/projects/" + project + "/webhooks", "{\"url\": \"ftp://x\", \"events\": [\"RUN_FAILED\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("url");
        assertThat(alice.delete("/api/v1/projects/" + project + "/webhooks/" + webhook).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/projects/" + project + "/webhooks/" + webhook).status()).isEqualTo(404);
    }

    private String create(String json) {
        Api.Response created = admin.post("/api/v1/projects/" + project + "/webhooks", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("secret").asText()).isNotBlank();
        return created.json().get("id").asText();
    }

    private JsonNode deliveries(String webhook) {
        return admin.get("/api/v1/projects/" + project + "/webhooks/" + webhook + "/deliveries").json();
    }

    record Started(String task, String run) {
    }

    private Started startService(String name) {
        Api.Response created = admin.post("/api/v1/tasks", aTask().named(name).project(project).cluster("sim").with("kind", "SERVICE").json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = admin.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return new Started(created.json().get("id").asText(), started.json().get("id").asText());
    }

    private void awaitState(String run, String state) {
        Await.until("run " + run + " to be " + state, () -> admin.get("/api/v1/runs/" + run).json(), r -> r.get("state").asText().equals(state));
    }
}
