package io.tasklane.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.tasklane.TasklaneApplication;
import io.tasklane.support.Api;

/** Tasklane on its embedded default in a JVM of its own, as a user runs it: started, stopped, killed. */
public final class ChildTasklane {

    final Path dataDir;
    final int port;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;
    private Path log;

    public ChildTasklane(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public Api api() {
        return Api.anonymous(port);
    }

    /**
     * On a PostgreSQL database instead of the embedded H2 (the {@code postgres} profile), with {@code admin}
     * as its first admin (password {@code admin}): several instances may share the database.
     */
    public ChildTasklane onPostgres(String jdbcUrl, String user) {
        environment.put("SPRING_PROFILES_ACTIVE", "postgres");
        environment.put("TASKLANE_DB_URL", jdbcUrl);
        environment.put("TASKLANE_DB_USER", user);
        environment.put("TASKLANE_DB_PASSWORD", "");
        environment.put("TASKLANE_ADMIN_USER", "admin");
        environment.put("TASKLANE_ADMIN_PASSWORD", "admin");
        return this;
    }

    /** Starts it and waits until /actuator/health says UP. */
    public void start(String logName, String... extraArgs) throws Exception {
        // Logs go under target/, so they outlive the temporary data directory for a look after a failure.
        Path logs = Path.of("target", "child-logs", dataDir.getFileName().toString());
        Files.createDirectories(logs);
        log = logs.resolve(logName);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire's class path ends in ':', an empty entry that puts the working directory on the class
        // path, where the engine would find processes/*.bpmn a second time: drop empty entries.
        String classPath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                        .split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classPath, TasklaneApplication.class.getName(),
                "--server.port=" + port, "--tasklane.capacity.local.nvidia-smi=/nonexistent/nvidia-smi",
                // No runs-dir: TASKLANE_DATA_DIR puts replica logs under the data directory, as it does for a user.
                "--tasklane.runs.sweep-interval=1s"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("TASKLANE_DATA_DIR", dataDir.toString());
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        builder.directory(new File(System.getProperty("user.dir")));
        process = builder.start();
        awaitHealthy();
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    /** A clean shutdown (SIGTERM). */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    /** A crash: SIGKILL, no shutdown hooks. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitHealthy() throws Exception {
        // A machine shared by several builds may need longer: -Dtasklane.child-startup-seconds=600.
        // Patience, not a speed target: on a machine shared with other builds a start took over 120 s.
        long seconds = Long.getLong("tasklane.child-startup-seconds", 300);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
        Api api = api();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("Tasklane exited with " + process.exitValue() + ":\n" + log());
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
        throw new AssertionError("Tasklane did not become healthy in " + seconds + " s:\n" + log());
    }
}
