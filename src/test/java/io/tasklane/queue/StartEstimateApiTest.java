package io.tasklane.queue;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

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
 * Expected starts over HTTP on PostgreSQL, on cluster fairshare (2 nodes × 4 SKUs, simulated services that run until
 * stopped): a queued run behind a full cluster expects to start when the run holding it reaches its active deadline; a
 * run its project's quota can never admit has no expected start, and says why.
 */
@IntegrationTest
class StartEstimateApiTest {

    @LocalServerPort
    int port;
    Api admin;
    String project;

    @BeforeEach
    void setUp() {
        admin = Api.anonymous(port).as("admin");
        project = "est-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
    }

    @AfterEach
    void emptyFairshare() {
        admin.delete("/api/v1/projects/" + project + "/quotas/fairshare");
        SharedClusters.empty(admin, "fairshare", 8);
    }

    @Test
    void aQueuedRunExpectsToStartWhenTheRunHoldingTheClusterReachesItsActiveDeadline() {
        String holder = start("holder", 2, 4, 3600);
        Instant deadline = Instant.parse(awaitState(holder, "RUNNING").get("deadlineAt").asText());
        String waiter = start("waiter", 1, 4, 600);
        awaitState(waiter, "QUEUED");

        JsonNode run = admin.get("/api/v1/runs/" + waiter).json();
        assertThat(run.get("estimateBasis").asText()).isEqualTo("DEADLINES");
        assertThat(run.get("estimateRunsEnding").asInt()).isEqualTo(1);
        assertThat(Duration.between(deadline, Instant.parse(run.get("expectedStartAt").asText())).abs()).isLessThanOrEqualTo(Duration.ofSeconds(1));

        JsonNode line = admin.get("/api/v1/clusters/fairshare/queue").json().at("/items/0");
        assertThat(line.get("runId").asText()).isEqualTo(waiter);
        assertThat(line.get("expectedStartAt").asText()).isEqualTo(run.get("expectedStartAt").asText());
        assertThat(line.get("estimateBasis").asText()).isEqualTo("DEADLINES");
        assertThat(admin.get("/api/v1/runs/" + holder).json().has("estimateBasis")).as("a run holding GPUs waits for nothing").isFalse();
    }

    @Test
    void aRunItsProjectsQuotaCanNeverAdmitHasNoExpectedStartAndSaysWhy() {
        assertThat(admin.put("/api/v1/projects/" + project + "/quotas/fairshare", "{\"maxSkus\": 2}").status()).isEqualTo(200);
        String waiter = start("too-big", 1, 4, 600);
        awaitState(waiter, "QUEUED");

        JsonNode run = admin.get("/api/v1/runs/" + waiter).json();
        assertThat(run.get("estimateBasis").asText()).isEqualTo("UNKNOWN");
        assertThat(run.get("estimateUnknownReason").asText()).isEqualTo("QUOTA");
        assertThat(run.has("expectedStartAt")).isFalse();
    }

    private String start(String name, int replicas, int skus, int deadlineSeconds) {
        Api.Response created = admin.post("/api/v1/tasks", aTask().named(name + "-" + Long.toString(System.nanoTime(), 36)).project(project)
                .cluster("fairshare").with("kind", "SERVICE").replicas(replicas).skuPerReplica(skus)
                .with("activeDeadlineSeconds", deadlineSeconds).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = admin.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private JsonNode awaitState(String run, String state) {
        return Await.until("run " + run + " to be " + state, () -> admin.get("/api/v1/runs/" + run).json(), r -> r.get("state").asText().equals(state));
    }
}
