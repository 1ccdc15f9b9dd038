package io.tasklane.usage;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalDouble;

import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import io.tasklane.support.SharedClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scrapes /actuator/prometheus while cluster fairshare (2 nodes × 4 SKUs) runs one 4-SKU service and queues an
 * 8-SKU one behind it, and reads each of Tasklane's metrics with the value that state calls for.
 */
@IntegrationTest
class MetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void emptyFairshare() {
        Api admin = Api.anonymous(port).as("admin");
        SharedClusters.empty(admin, "fairshare", 8);
    }

    @Test
    void eachMetricTellsTheStateOfTheClusters() throws Exception {
        Api admin = Api.anonymous(port).as("admin");
        String project = "metrics-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        String running = start(admin, project, "holds-four", 4);
        Await.until("the 4-SKU service to run", () -> admin.get("/api/v1/runs/" + running).json().get("state").asText(), "RUNNING"::equals);
        start(admin, project, "waits", 8);
        String scheduled = scheduledNextYear(admin, project);

        String text = Await.until("the scrape to show the waiting run", () -> scrape(admin),
                t -> value(t, "tasklane_queue_waiting_runs", "cluster=\"fairshare\"").orElse(0) == 1
                        && value(t, "tasklane_gpu_hours_total", "project=\"" + project + "\"").orElse(0) > 0);

        assertThat(value(text, "tasklane_cluster_skus", "cluster=\"fairshare\"")).hasValue(8);
        assertThat(value(text, "tasklane_cluster_skus_used", "cluster=\"fairshare\"")).hasValue(4);
        assertThat(value(text, "tasklane_cluster_skus_free", "cluster=\"fairshare\"")).hasValue(4);
        assertThat(value(text, "tasklane_queue_oldest_wait_seconds", "cluster=\"fairshare\"").orElseThrow()).isBetween(0.0, 600.0);
        assertThat(value(text, "tasklane_runs", "cluster=\"fairshare\"", "state=\"RUNNING\"")).as("runs by state per cluster").hasValue(1);
        assertThat(value(text, "tasklane_runs", "cluster=\"fairshare\"", "state=\"QUEUED\"")).hasValue(1);
        assertThat(value(text, "tasklane_admissions_total", "cluster=\"fairshare\"").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "tasklane_queue_wait_seconds_count", "cluster=\"fairshare\"").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "tasklane_gpu_hours_total", "project=\"" + project + "\"", "cluster=\"fairshare\"").orElseThrow())
                .as("4 GPUs for under ten minutes, on cluster fairshare").isBetween(1e-9, 4 * 10 / 60.0);
        assertThat(value(text, "tasklane_gpu_hours_total", "project=\"" + project + "\"", "cluster=\"sim\"")).as("nothing elsewhere").isEmpty();
        assertThat(value(text, "tasklane_runs_ended_total", "cluster=\"fairshare\"", "outcome=\"KILLED\"")).as("registered from zero").isPresent();
        assertThat(value(text, "tasklane_dispatch_pass_seconds_count", "").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("tasklane_dispatch_pass_seconds_bucket{le=");
        assertThat(text).contains("# TYPE tasklane_gpu_hours_total counter", "# TYPE tasklane_runs_ended_total counter");
        assertThat(value(text, "tasklane_engine_jobs_due", "").orElseThrow()).isBetween(0.0, 10_000.0);
        assertThat(value(text, "tasklane_engine_jobs_locked", "").orElseThrow()).isBetween(0.0, 10_000.0);
        assertThat(value(text, "tasklane_engine_jobs_failed", "").orElseThrow()).isBetween(0.0, 10_000.0);
        assertThat(value(text, "tasklane_engine_timers_waiting", "").orElseThrow())
                .as("at least the one-off schedule's timer, due next year").isGreaterThanOrEqualTo(1);
        assertThat(value(text, "executor_active_threads", "camundaTaskExecutor")).as("the job executor's pool").isPresent();
        assertThat(admin.delete("/api/v1/tasks/" + scheduled).status()).isEqualTo(204);
        assertThat(dashboardMetrics()).as("every metric the Grafana dashboard queries is served")
                .isNotEmpty().allSatisfy(metric -> assertThat(text).contains("\n" + metric));
    }

    /**
     * A job that succeeds and a service that is stopped: each end counts once under its outcome. Deleting their tasks
     * deletes their runs, which lowers the live count of runs by state but not the count of ends.
     */
    @Test
    void eachRunsEndCountsOnceByClusterAndOutcomeAndStaysCountedWhenItsTaskIsDeleted() {
        Api admin = Api.anonymous(port).as("admin");
        String project = "ended-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        String before = scrape(admin);

        String job = startTask(admin, aTask().named("succeeds").project(project).cluster("fairshare"));
        String jobTask = awaitRun(admin, job, "SUCCEEDED");
        String service = startTask(admin, aTask().named("stopped").project(project).cluster("fairshare").with("kind", "SERVICE"));
        String serviceTask = awaitRun(admin, service, "RUNNING");
        assertThat(admin.post("/api/v1/tasks/" + serviceTask + "/stop", null).status()).isEqualTo(202);
        awaitRun(admin, service, "STOPPED");
        long succeededRuns = jdbc.sql("select count(*) from tasklane.task_run where cluster = 'fairshare' and state = 'SUCCEEDED'")
                .query(Long.class).single();

        String text = Await.until("the scrape to count both ends and show the runs", () -> scrape(admin),
                t -> ended(t, "SUCCEEDED") > ended(before, "SUCCEEDED") && ended(t, "STOPPED") > ended(before, "STOPPED")
                        && value(t, "tasklane_runs", "cluster=\"fairshare\"", "state=\"SUCCEEDED\"").orElse(0) == succeededRuns);
        assertThat(ended(text, "SUCCEEDED")).isEqualTo(ended(before, "SUCCEEDED") + 1);
        assertThat(ended(text, "STOPPED")).isEqualTo(ended(before, "STOPPED") + 1);
        assertThat(ended(text, "KILLED")).isEqualTo(ended(before, "KILLED"));
        assertThat(ended(text, "FAILED")).isEqualTo(ended(before, "FAILED"));

        assertThat(admin.delete("/api/v1/tasks/" + jobTask).status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/tasks/" + serviceTask).status()).isEqualTo(204);
        String afterDelete = Await.until("the live count to lose the deleted task's run", () -> scrape(admin),
                t -> value(t, "tasklane_runs", "cluster=\"fairshare\"", "state=\"SUCCEEDED\"").orElse(0) == succeededRuns - 1);
        assertThat(ended(afterDelete, "SUCCEEDED")).as("the end stays counted").isEqualTo(ended(text, "SUCCEEDED"));
        assertThat(ended(afterDelete, "STOPPED")).isEqualTo(ended(text, "STOPPED"));
    }

    private static double ended(String text, String outcome) {
        return value(text, "tasklane_runs_ended_total", "cluster=\"fairshare\"", "outcome=\"" + outcome + "\"").orElse(0);
    }

    /** Creates and starts the task; returns its run. */
    private static String startTask(Api admin, io.tasklane.support.TaskJson task) {
        Api.Response created = admin.post("/api/v1/tasks", task.json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = admin.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    /** Waits for the run to be in {@code state}; returns its task. */
    private static String awaitRun(Api admin, String run, String state) {
        return Await.until("run " + run + " to be " + state, () -> admin.get("/api/v1/runs/" + run).json(),
                r -> r.get("state").asText().equals(state)).get("taskId").asText();
    }

    /** The metric names the Grafana dashboard in deploy/ queries (histograms by their bucket series). */
    private static java.util.Set<String> dashboardMetrics() throws java.io.IOException {
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("deploy/components/monitoring/tasklane-dashboard.json"));
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.regex.Matcher metric = java.util.regex.Pattern.compile("\\b(tasklane_[a-z_]+|executor_[a-z_]+)\\b").matcher(dashboard);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }

    @Test
    void onlyAdminsAndTheConfiguredScrapeUserScrape() {
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.as("alice").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(anonymous.as("admin").get("/actuator/prometheus").status()).isEqualTo(200);
        Api prometheus = anonymous.as("prometheus", "prometheus-scrapes");
        assertThat(prometheus.get("/actuator/prometheus").status()).as("created at start from the configured password").isEqualTo(200);
        assertThat(prometheus.get("/api/v1/tasks").json().get("items")).as("the scrape user is in no project").isEmpty();
    }

    /** A task with a one-off schedule a year ahead: its schedule process waits on a timer. */
    private static String scheduledNextYear(Api admin, String project) {
        Api.Response created = admin.post("/api/v1/tasks", aTask().named("next-year").project(project).cluster("fairshare").json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        String at = java.time.LocalDate.now().plusYears(1) + "T09:30:00";
        Api.Response scheduled = admin.put("/api/v1/tasks/" + id + "/schedule",
                "{\"type\": \"ONE_OFF\", \"timeZone\": \"UTC\", \"at\": \"" + at + "\", \"active\": true}");
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
        return id;
    }

    private static String start(Api admin, String project, String name, int skus) {
        Api.Response created = admin.post("/api/v1/tasks", aTask().named(name).project(project).cluster("fairshare")
                .with("kind", "SERVICE").skuPerReplica(4).replicas(skus / 4).json());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response started = admin.post("/api/v1/tasks/" + created.json().get("id").asText() + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("id").asText();
    }

    private static String scrape(Api admin) {
        Api.Response answer = admin.get("/actuator/prometheus");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The value of the sample of {@code name} whose labels contain each of {@code labels}; summed if several match. */
    static OptionalDouble value(String text, String name, String... labels) {
        double[] values = Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toArray();
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Arrays.stream(values).sum());
    }
}
