package io.tasklane.app;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tasklane is killed (SIGKILL) after it launched a run's first replica and before it recorded it. The
 * replica's process outlives it, with the run's GPUs in its CUDA_VISIBLE_DEVICES; the deployment is
 * retried after the restart. The process Tasklane never recorded must be ended, and said so in the
 * task's history, so the run ends up with one process per replica, not two on the same GPUs.
 * <p>
 * To stop Tasklane in that window every time, the second replica's log file is a named pipe: opening it
 * for the replica's output blocks the deployment after the first replica runs.
 */
class LaunchCrashTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dataDir;
    ChildTasklane tasklane;

    @AfterEach
    void stop() throws Exception {
        tasklane.stop();
        // Replicas outlive Tasklane by design: end this test's (each is a session of its own).
        for (long pid : replicaProcessesOfAnyRunUnder(dataDir)) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + pid).start().waitFor();
        }
    }

    @Test
    void aReplicaLaunchedButNeverRecordedIsEndedAfterTheRestart() throws Exception {
        // The deployment's job is retried 5 s after the crash instead of Camunda's default 5 minutes.
        String[] settings = {"--camunda.bpm.job-execution.lock-time-in-millis=5000"};
        tasklane = new ChildTasklane(dataDir);
        tasklane.start("before-crash.log", settings);
        Api alice = tasklane.api().as("alice");
        String filler = start(alice, aTask().named("filler").replicas(4).with("command", List.of("sleep", "600")));
        awaitRun(alice, filler, "RUNNING");
        String run = start(alice, aTask().named("sleeper").replicas(2).with("command", List.of("sleep", "600")));
        Path pipe = Files.createDirectories(dataDir.resolve("runs").resolve(run)).resolve("replica-1.log");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        alice.post("/api/v1/tasks/" + taskOf(alice, filler) + "/stop", null);
        Map<Long, Integer> launched = await().atMost(PATIENCE).until(() -> replicaProcessesOf(run), p -> p.size() == 1);
        long orphan = launched.keySet().iterator().next();

        tasklane.kill();
        Files.delete(pipe);
        assertThat(ProcessHandle.of(orphan)).as("the launched replica outlives Tasklane").isPresent();
        tasklane.start("after-crash.log", settings);

        await().atMost(PATIENCE).until(() -> ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), alive -> !alive);
        List<JsonNode> reaped = alice.get("/api/v1/tasks/" + taskOf(alice, run) + "/events").json().findParents("type").stream()
                .filter(e -> e.get("type").asText().equals("ORPHAN_REAPED")).toList();
        assertThat(reaped).hasSize(1);
        assertThat(reaped.get(0).get("reason").asText()).contains("replica 0 of run " + run, "pid " + orphan);
        awaitRun(alice, run, "RUNNING");
        Map<Long, Integer> replicas = replicaProcessesOf(run);
        assertThat(replicas.values()).containsExactlyInAnyOrder(0, 1);
        assertThat(replicas).doesNotContainKey(orphan);
        assertThat(alice.get("/api/v1/runs/" + run + "/instances").json().get("items").findValues("pid").stream()
                .map(JsonNode::asLong).toList()).containsExactlyInAnyOrderElementsOf(replicas.keySet());
    }

    private static String start(Api alice, io.tasklane.support.TaskJson task) {
        String id = alice.post("/api/v1/tasks", task.json()).json().get("id").asText();
        return alice.post("/api/v1/tasks/" + id + "/start", null).json().get("id").asText();
    }

    private static String taskOf(Api alice, String run) {
        return alice.get("/api/v1/runs/" + run).json().get("taskId").asText();
    }

    /** Waits for the run's state; an answer without a run (the restarted JVM still coming up) is not there yet. */
    private static void awaitRun(Api alice, String run, String state) {
        await().atMost(PATIENCE).until(() -> alice.get("/api/v1/runs/" + run).json().path("state").asText(), state::equals);
    }

    /** The live replica processes (their wrappers) of the run on this host, by pid, with their replica index. */
    private static Map<Long, Integer> replicaProcessesOf(String run) {
        return replicaProcesses().entrySet().stream().filter(p -> run.equals(p.getValue().get("TASKLANE_RUN_ID")))
                .collect(Collectors.toMap(Map.Entry::getKey, p -> Integer.valueOf(p.getValue().get("TASKLANE_REPLICA_INDEX"))));
    }

    private static List<Long> replicaProcessesOfAnyRunUnder(Path dir) {
        return replicaProcesses().entrySet().stream()
                .filter(p -> p.getValue().getOrDefault("TASKLANE_EXIT_FILE", "").startsWith(dir.toString()))
                .map(Map.Entry::getKey).toList();
    }

    /** Tasklane's replica wrappers on this host (read from /proc), with their environment. */
    private static Map<Long, Map<String, String>> replicaProcesses() {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> Arrays.asList(a).contains("tasklane-replica")).orElse(false))
                .collect(Collectors.toMap(ProcessHandle::pid, LaunchCrashTest::environmentOf, (a, b) -> a));
    }

    private static Map<String, String> environmentOf(ProcessHandle process) {
        try {
            String environ = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "environ"), StandardCharsets.UTF_8);
            return Arrays.stream(environ.split("\0")).filter(kv -> kv.contains("="))
                    .collect(Collectors.toMap(kv -> kv.substring(0, kv.indexOf('=')), kv -> kv.substring(kv.indexOf('=') + 1),
                            (a, b) -> b));
        } catch (IOException gone) {
            return Map.of();
        }
    }
}
