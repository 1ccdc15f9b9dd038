package io.tasklane.app;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.tasklane.TasklaneApplication;
import io.tasklane.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default as a user runs it: a separate JVM with no profile, so H2 in a data directory,
 * the local cluster and the dev users. It is stopped and started again on the same directory, and
 * what was created before is still there.
 */
class EmbeddedDefaultTest {

    @TempDir
    Path dataDir;
    Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    @Test
    void servesHealthTasklistAndTheApiAndKeepsDataAcrossARestart() throws Exception {
        int port = freePort();
        Path firstLog = dataDir.resolve("first.log");
        process = start(port, firstLog);
        Api api = Api.anonymous(port);
        awaitHealthy(api, firstLog);

        assertThat(api.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tasks").status()).isEqualTo(401);
        assertThat(api.as("alice").get("/api/v1/clusters").items("name")).containsExactly("local");
        Api.Response created = api.as("alice").post("/api/v1/tasks", aTask().named("survives-restart").json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Files.readString(firstLog)).contains("Created dev users admin/admin");
        assertThat(dataDir.resolve("tasklane.mv.db")).exists();

        stop();
        Path secondLog = dataDir.resolve("second.log");
        process = start(port, secondLog);
        awaitHealthy(api, secondLog);

        assertThat(api.as("alice").get("/api/v1/tasks?name=survives-restart").items("id"))
                .containsExactly(created.json().get("id").asText());
        assertThat(Files.readString(secondLog)).doesNotContain("Created dev users");
    }

    private Process start(int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire's class path ends in ':', an empty entry that puts the working directory on the class
        // path, where the engine would find processes/*.bpmn a second time: drop empty entries.
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp", classPath,
                TasklaneApplication.class.getName(), "--server.port=" + port,
                "--tasklane.capacity.local.nvidia-smi=/nonexistent/nvidia-smi"));
        builder.environment().put("TASKLANE_DATA_DIR", dataDir.toString());
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        builder.directory(new File(System.getProperty("user.dir")));
        return builder.start();
    }

    private void awaitHealthy(Api api, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Tasklane exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                if (api.get("/actuator/health").body().contains("\"UP\"")) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Tasklane did not become healthy in 120 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
