package io.tasklane.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklane.support.Api;
import io.tasklane.support.ClusterInvariants;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Tasklane instances (JVMs of their own) share one PostgreSQL and the host's "local" cluster. Runs are
 * started through both; one instance is killed (SIGKILL) while runs it launched hold GPUs, the other goes
 * on taking requests, and the killed one starts again: the allocation invariants hold throughout, every run
 * ends (its process too, without an incident), with a reason where it failed, no GPU stays held, and no
 * replica process is left behind.
 */
class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String TINY_SERVER = Path.of("src/test/resources/replicas/TinyServer.java").toAbsolutePath().toString();

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    EmbeddedPostgres postgres;
    ChildTasklane a;
    ChildTasklane b;

    @AfterEach
    void stop() throws Exception {
        for (ChildTasklane instance : new ChildTasklane[] {a, b}) {
            if (instance != null) {
                instance.stop();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aKilledInstanceLosesNothingAndTheOtherGoesOn() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        // One after the other: the first creates the schemas, the second finds them.
        a = new ChildTasklane(dirA).onPostgres(url, "postgres");
        a.start("a-first.log");
        b = new ChildTasklane(dirB).onPostgres(url, "postgres");
        b.start("b.log");
        ClusterInvariants invariants = new ClusterInvariants(JdbcClient.create(postgres.getPostgresDatabase()), "local");
        Api onA = a.api().as("admin");
        Api onB = b.api().as("admin");
        assertThat(onA.post("/api/v1/projects", "{\"name\": \"two\"}").status()).isEqualTo(201);

        // The 4 slots of cluster local: a long job and a service through A, two short jobs through B, and a
        // two-replica job that has to wait in the queue.
        List<String> runs = new ArrayList<>();
        String longJob = start(onA, "long", "JOB", 1, List.of("sleep", "600"), runs);
        String service = start(onA, "web", "SERVICE", 1, List.of(JAVA, TINY_SERVER), runs);
        start(onB, "short-1", "JOB", 1, List.of("sh", "-c", "sleep 4"), runs);
        start(onB, "short-2", "JOB", 1, List.of("sh", "-c", "sleep 4"), runs);
        String queued = start(onB, "queued", "JOB", 2, List.of("sh", "-c", "sleep 1"), runs);
        awaitRun(onA, longJob, "RUNNING");
        awaitRun(onA, service, "RUNNING");

        a.kill();
        assertThat(invariants.atAnyTime()).as("after the kill").isEmpty();

        // B goes on: it reads, queues and stops while A is dead.
        assertThat(onB.get("/api/v1/runs/" + queued).json().get("state").asText()).isIn("QUEUED", "STARTING", "RUNNING", "SUCCEEDED");
        assertThat(onB.post("/api/v1/tasks/" + taskOf(onB, longJob) + "/stop", null).status()).isEqualTo(202);
        String late = start(onB, "late", "JOB", 1, List.of("sh", "-c", "exit 3"), runs);

        a.start("a-restarted.log");
        assertThat(invariants.atAnyTime()).as("after the restart").isEmpty();
        assertThat(onB.post("/api/v1/tasks/" + taskOf(onB, service) + "/stop", null).status()).isIn(202, 409);

        for (String run : runs) {
            await("run " + run + " to end").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                    .until(() -> isOver(onB.get("/api/v1/runs/" + run).json()));
        }
        Map<String, String> states = new java.util.TreeMap<>();
        for (String run : runs) {
            JsonNode r = onB.get("/api/v1/runs/" + run).json();
            states.put(r.get("id").asText(), r.get("state").asText() + ": " + r.path("reason").asText());
            if (r.get("state").asText().equals("FAILED")) {
                assertThat(r.path("reason").asText()).as("a failed run says why").isNotBlank();
            }
        }
        assertThat(onB.get("/api/v1/runs/" + longJob).json().get("state").asText()).isEqualTo("STOPPED");
        assertThat(onB.get("/api/v1/runs/" + queued).json().get("state").asText()).as(states.toString()).isEqualTo("SUCCEEDED");
        assertThat(onB.get("/api/v1/runs/" + late).json().get("reason").asText()).contains("exited with code 3");
        await("every GPU of local free").atMost(Duration.ofSeconds(60))
                .until(() -> onB.get("/api/v1/clusters/local").json().get("freeSkus").asInt() == 4);
        assertThat(invariants.afterEverythingEnded()).as("once every run ended").isEmpty();
        for (String run : runs) {
            for (JsonNode instance : onB.get("/api/v1/runs/" + run + "/instances").json().get("items")) {
                long pid = instance.path("pid").asLong(0);
                assertThat(pid == 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false)
                        .as("replica process %s of run %s is gone", pid, run).isTrue();
            }
        }
    }

    private static String start(Api api, String name, String kind, int replicas, List<String> command, List<String> runs)
            throws IOException {
        String body = JSON.writeValueAsString(Map.of("name", name, "project", "two", "kind", kind, "cluster", "local",
                "replicas", replicas, "command", command));
        Api.Response created = api.post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = api.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String run = started.json().get("id").asText();
        runs.add(run);
        return run;
    }

    private static String taskOf(Api api, String run) {
        return api.get("/api/v1/runs/" + run).json().get("taskId").asText();
    }

    private static void awaitRun(Api api, String run, String state) {
        await("run " + run + " " + state).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/v1/runs/" + run).json().path("state").asText().equals(state));
    }

    private static boolean isOver(JsonNode run) {
        return List.of("STOPPED", "KILLED", "FAILED", "SUCCEEDED").contains(run.path("state").asText());
    }
}
