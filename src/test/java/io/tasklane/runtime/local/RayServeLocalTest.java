package io.tasklane.runtime.local;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklane.common.RunId;
import io.tasklane.sizing.RunResizer;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Ray Serve for real on the local runtime: Ray 2.58 from a virtualenv this test builds from the
 * machine's local wheel index ({@code ../shared/tools/pyvenv.sh}, reused when present), the test
 * applications in {@code src/test/resources/ray/}. One Ray head and one Serve application per run.
 */
@IntegrationTest
public class RayServeLocalTest {

    public static final Path VENV = Path.of("target/venvs/ray");
    public static final Duration RAY_PATIENCE = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    RunResizer resizer;
    Api alice;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    public static void buildVenv() throws Exception {
        if (Files.isExecutable(VENV.resolve("bin/serve"))) {
            return;
        }
        Path tool = Path.of("../shared/tools/pyvenv.sh");
        assertThat(tool).as("../shared/tools/pyvenv.sh builds the Ray virtualenv (the repository is cloned with ../shared beside it)")
                .isRegularFile();
        Process build = new ProcessBuilder("bash", tool.toString(), VENV.toString(), "-r", "../shared/tools/ray-serve-requirements.txt")
                .redirectErrorStream(true).redirectOutput(Path.of("target/ray-venv-build.log").toFile()).start();
        assertThat(build.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(build.exitValue()).as("building the Ray virtualenv; see target/ray-venv-build.log").isZero();
    }

    @BeforeEach
    void setUp() {
        alice = Api.anonymous(port).as("alice");
    }

    @Test
    void oneApplicationServesFromEveryReplicaIsResizedWithoutLosingARequestAndStopsWithoutLeftovers() throws Exception {
        String task = create(aTask().named(unique("echo")).with("kind", "SERVICE").replicas(2)
                .ray("src.test.resources.ray.echo_app", "app"));
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();

        // Ready means serving: a request sent the moment the run is RUNNING is answered.
        JsonNode running = awaitRun(run, r -> r.get("state").asText().equals("RUNNING") || isOver(r));
        assertThat(running.get("state").asText()).as(running.toString()).isEqualTo("RUNNING");
        URI endpoint = URI.create(running.get("endpoint").asText().replaceFirst("//[^:/]+", "//127.0.0.1"));
        HttpResponse<String> first = get(endpoint);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        // One endpoint, two Serve replicas behind it.
        Set<String> replicas = new HashSet<>();
        for (int i = 0; i < 200 && replicas.size() < 2; i++) {
            replicas.add(JSON.readTree(get(endpoint).body()).get("replica").asText());
        }
        assertThat(replicas).hasSize(2);
        JsonNode instances = alice.get("/api/v1/runs/" + run + "/instances").json();
        assertThat(instances.get("items").findValuesAsText("state")).containsExactly("READY", "READY");
        long head = instances.at("/items/0/pid").asLong();
        assertThat(instances.get("items").findValuesAsText("message")).allMatch(m -> m.startsWith("Serve replica "));
        JsonNode counts = Await.until(RAY_PATIENCE, "Serve's counts of run " + run, () -> alice.get("/api/v1/runs/" + run).json(),
                r -> r.path("replicaCounts").path("current").asInt() == 2).get("replicaCounts");
        assertThat(counts.get("starting").asInt()).isZero();
        assertThat(counts.get("target").asInt()).isEqualTo(2);
        String log = alice.get("/api/v1/runs/" + run + "/instances/0/logs?tail=50").body();
        assertThat(log).contains("Echo").doesNotContain("\u001b[");

        // Resized 2 -> 1 -> 2 in place while a client keeps sending requests: none is lost.
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread client = new Thread(() -> {
            while (sending.get()) {
                try {
                    HttpResponse<String> answer = get(endpoint);
                    if (answer.statusCode() == 200) {
                        answered.incrementAndGet();
                    } else {
                        failures.add(answer.statusCode() + " " + answer.body());
                    }
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        });
        client.start();
        try {
            resizer.requestRange(new RunId(run), 1, 1);
            awaitServing(run, 1);
            assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().get("total").asInt()).isEqualTo(1);
            resizer.requestRange(new RunId(run), 2, 2);
            awaitServing(run, 2);
            int before = answered.get();
            Await.until("more answers after the grow", answered::get, n -> n > before + 20);
        } finally {
            sending.set(false);
            client.join();
        }
        assertThat(failures).isEmpty();
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().get("items").findValuesAsText("state"))
                .containsExactly("READY", "READY");
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().get("items").findValues("pid").stream()
                .map(JsonNode::asLong).toList()).as("the same Ray head throughout").containsOnly(head);

        alice.post("/api/v1/tasks/" + task + "/stop", null);
        assertThat(awaitRun(run, RayServeLocalTest::isOver).get("state").asText()).isEqualTo("STOPPED");
        assertThat(processesOfSession(head)).as("Ray processes of the run's head left behind").isEmpty();
        assertThat(ProcessHandle.of(head).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void anApplicationThatRaisesAtImportFailsTheRunWithThePythonError() throws Exception {
        String task = create(aTask().named(unique("broken")).with("kind", "SERVICE")
                .ray("src.test.resources.ray.broken_app", "app"));
        String run = alice.post("/api/v1/tasks/" + task + "/start", null).json().get("id").asText();

        JsonNode ended = awaitRun(run, RayServeLocalTest::isOver);

        assertThat(ended.get("state").asText()).isEqualTo("FAILED");
        assertThat(ended.get("reason").asText()).startsWith("ReplicaFailed: replica 0")
                .contains("Ray Serve application DEPLOY_FAILED").contains("RuntimeError: the model weights are missing");
        long head = alice.get("/api/v1/runs/" + run + "/instances").json().at("/items/0/pid").asLong();
        Await.until(RAY_PATIENCE, "the failed run's Ray processes to end", () -> processesOfSession(head), List::isEmpty);
    }

    private void awaitServing(String run, int replicas) {
        Await.until(RAY_PATIENCE, "run " + run + " to serve from " + replicas + " replica(s)", () -> alice.get("/api/v1/runs/" + run).json(),
                r -> r.path("replicaCounts").path("current").asInt() == replicas && r.path("replicaCounts").path("target").asInt() == replicas
                        && r.path("replicaCounts").path("starting").asInt() == 0);
        Await.until(RAY_PATIENCE, "run " + run + " to have " + replicas + " READY instance(s)",
                () -> alice.get("/api/v1/runs/" + run + "/instances").json().get("items").findValuesAsText("state"),
                states -> states.size() == replicas && states.stream().allMatch("READY"::equals));
    }

    private HttpResponse<String> get(URI endpoint) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Processes in the session the run's head leads: Ray's and Serve's, wherever they were re-parented. */
    private static List<Long> processesOfSession(long head) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .filter(pid -> ReplicaProcess.sessionOf(pid) == head).toList();
    }

    private String create(io.tasklane.support.TaskJson task) {
        Api.Response created = alice.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode awaitRun(String run, Predicate<JsonNode> condition) {
        return Await.until(RAY_PATIENCE, "run " + run + " to get there", () -> alice.get("/api/v1/runs/" + run).json(), condition);
    }

    private static boolean isOver(JsonNode run) {
        return List.of("STOPPED", "KILLED", "FAILED", "SUCCEEDED").contains(run.get("state").asText());
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
