package io.tasklane.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.app.ChildTasklane;
import io.tasklane.support.Api;
import io.tasklane.support.TaskJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submit to RUNNING on an idle cluster, one job at a time, printed, never asserted: Tasklane as a user runs it (a JVM of
 * its own, {@link ChildTasklane}) on the embedded default's H2 file database and on PostgreSQL. Each start waits for the
 * run before it to end, so every run finds the local cluster empty; the figures are latency, not queueing.
 * <p>
 * Printed per database: from the run's {@code queuedAt} (written by the start request) to its {@code startedAt} (written
 * when its replicas are up), and the start request's round trip as the client saw it; p50, p95 and max.
 * Run: ./mvnw -Pbench test -Dtest=IdleStartBench ({@code -Dbench.idle-jobs=N}, {@code -Dbench.idle-warm-up-jobs=N}).
 */
class IdleStartBench {

    static final int JOBS = Integer.getInteger("bench.idle-jobs", 100);
    static final int WARM_UP_JOBS = Integer.getInteger("bench.idle-warm-up-jobs", 30);

    @TempDir
    Path dataDir;

    @Test
    void oneJobAtATimeOnH2() throws Exception {
        ChildTasklane tasklane = new ChildTasklane(dataDir);
        try {
            tasklane.start("idle-start-h2.log");
            measure("H2 (the embedded default)", tasklane.api().as("admin"));
        } finally {
            tasklane.stop();
        }
    }

    @Test
    void oneJobAtATimeOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            ChildTasklane tasklane = new ChildTasklane(dataDir).onPostgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres");
            try {
                // The dev users and their project, as on H2, so both runs do the same.
                tasklane.start("idle-start-postgres.log", "--tasklane.security.dev-users=true");
                measure("PostgreSQL", tasklane.api().as("admin"));
            } finally {
                tasklane.stop();
            }
        }
    }

    private static void measure(String database, Api admin) {
        String task = admin.post("/api/v1/tasks", TaskJson.aTask().named("idle-start").with("command", List.of("true")).json())
                .json().get("id").asText();
        for (int i = 0; i < WARM_UP_JOBS; i++) {
            runOnce(admin, task);
        }
        double[] queuedToStarted = new double[JOBS];
        double[] startRequest = new double[JOBS];
        for (int i = 0; i < JOBS; i++) {
            double[] one = runOnce(admin, task);
            queuedToStarted[i] = one[0];
            startRequest[i] = one[1];
        }
        Arrays.sort(queuedToStarted);
        Arrays.sort(startRequest);
        System.out.printf("%nSubmit -> RUNNING, one JOB (command: true) at a time on an idle local cluster, %s, %d runs after %d%n",
                database, JOBS, WARM_UP_JOBS);
        System.out.printf("  queued -> started (server)  p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms%n",
                quantile(queuedToStarted, 0.50), quantile(queuedToStarted, 0.95), queuedToStarted[JOBS - 1]);
        System.out.printf("  start request (client)      p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms%n",
                quantile(startRequest, 0.50), quantile(startRequest, 0.95), startRequest[JOBS - 1]);
    }

    /** Starts the task, waits for its run to end; {queued to started, the start request's round trip} in ms. */
    private static double[] runOnce(Api admin, String task) {
        long before = System.nanoTime();
        Api.Response started = admin.post("/api/v1/tasks/" + task + "/start", null);
        double request = (System.nanoTime() - before) / 1e6;
        if (started.status() != 201) {
            throw new IllegalStateException("start answered " + started.status() + ": " + started.body());
        }
        String run = started.json().get("id").asText();
        // Polled often: the figure is the server's own timestamps, the poll only says when to read them.
        JsonNode seen = org.awaitility.Awaitility.await("run " + run + " to end").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO)
                .until(() -> admin.get("/api/v1/runs/" + run).json(),
                        r -> !r.path("finishedAt").isMissingNode() && !r.path("finishedAt").isNull());
        if (seen.path("startedAt").isMissingNode() || seen.path("startedAt").isNull()) {
            throw new IllegalStateException("run " + run + " ended without starting: " + seen);
        }
        Duration queuedToStarted = Duration.between(Instant.parse(seen.get("queuedAt").asText()), Instant.parse(seen.get("startedAt").asText()));
        return new double[] {queuedToStarted.toNanos() / 1e6, request};
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
