package io.tasklane.app;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasklane is killed (SIGKILL) while three runs hold GPUs, one replica dies while it is down, and it
 * starts again: the service is adopted and still serves, the job that finished meanwhile succeeds, the
 * run whose replica vanished fails with a reason, and in the end every GPU is free.
 */
class CrashRecoveryTest {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String TINY_SERVER = Path.of("src/test/resources/replicas/TinyServer.java").toAbsolutePath().toString();

    @TempDir
    Path dataDir;
    ChildTasklane tasklane;

    @AfterEach
    void stop() throws InterruptedException {
        tasklane.stop();
    }

    @Test
    void nothingIsLostOrLeakedAcrossACrash() throws Exception {
        tasklane = new ChildTasklane(dataDir);
        tasklane.start("before-crash.log");
        Api alice = tasklane.api().as("alice");
        String service = start(alice, aTask().named("web").with("kind", "SERVICE").with("command", List.of(JAVA, TINY_SERVER)));
        String job = start(alice, aTask().named("finishes-while-down").with("command", List.of("sh", "-c", "sleep 8; echo done")));
        String doomed = start(alice, aTask().named("dies-while-down").with("command", List.of("sleep", "600")));
        for (String run : List.of(service, job, doomed)) {
            awaitRun(alice, run, r -> r.path("state").asText().equals("RUNNING"));
        }
        long doomedPid = alice.get("/api/v1/runs/" + doomed + "/instances").json().at("/items/0/pid").asLong();

        tasklane.kill();
        new ProcessBuilder("kill", "-KILL", "--", "-" + doomedPid).start().waitFor();
        tasklane.start("after-crash.log");

        JsonNode serviceRun = awaitRun(alice, service, r -> r.path("state").asText().equals("RUNNING"));
        assertThat(get(serviceRun.get("endpoint").asText())).isEqualTo("hello from replica 0");
        assertThat(awaitRun(alice, job, r -> r.path("state").asText().equals("SUCCEEDED")).get("reason").asText()).startsWith("Completed");
        JsonNode failed = awaitRun(alice, doomed, r -> r.path("state").asText().equals("FAILED"));
        assertThat(failed.get("reason").asText()).startsWith("ReplicaFailed").contains("vanished while Tasklane was down");
        assertThat(tasklane.log()).contains("Adopted replica 0 of run " + service);

        alice.post("/api/v1/tasks/" + serviceRun.get("taskId").asText() + "/stop", null);
        awaitRun(alice, service, r -> r.path("state").asText().equals("STOPPED"));
        awaitFreeSkus(alice, 4);
    }

    private static String start(Api alice, io.tasklane.support.TaskJson task) {
        String id = alice.post("/api/v1/tasks", task.json()).json().get("id").asText();
        return alice.post("/api/v1/tasks/" + id + "/start", null).json().get("id").asText();
    }

    private static String get(String endpoint) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint.replaceFirst("//[^:/]+", "//127.0.0.1"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Polls the run; an answer without a run in it (the restarted JVM still coming up) is just not there yet. */
    private static JsonNode awaitRun(Api api, String run, Predicate<JsonNode> condition) {
        return Await.until("run " + run + " to get there", () -> api.get("/api/v1/runs/" + run).json(), condition);
    }

    private static void awaitFreeSkus(Api api, int expected) {
        Await.until("cluster local to get back to " + expected + " free SKUs",
                () -> api.get("/api/v1/clusters/local").json().path("freeSkus").asInt(-1), free -> free == expected);
    }
}
