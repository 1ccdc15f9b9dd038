package io.tasklane.usage;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalDouble;

import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Scrapes /actuator/prometheus while cluster fairshare (2 nodes × 4 SKUs) runs one 4-SKU service and queues an
 * 8-SKU one behind it, and reads each of Tasklane's metrics with the value that state calls for.
 */
@IntegrationTest
class MetricsTest {

    @LocalServerPort
    int port;

    @AfterEach
    void emptyFairshare() {
        Api admin = Api.anonymous(port).as("admin");
        for (String task : admin.get("/api/v1/tasks?cluster=fairshare&limit=500").items("id")) {
            admin.post("/api/v1/tasks/" + task + "/stop", null);
        }
        Await.until("cluster fairshare to be empty", () -> admin.get("/api/v1/clusters/fairshare").json().get("freeSkus").asInt(), free -> free == 8);
    }

    @Test
    void eachMetricTellsTheStateOfTheClusters() {
        Api admin = Api.anonymous(port).as("admin");
        String project = "metrics-" + Long.toString(System.nanoTime(), 36);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"" + project + "\"}").status()).isEqualTo(201);
        String running = start(admin, project, "holds-four", 4);
        Await.until("the 4-SKU service to run", () -> admin.get("/api/v1/runs/" + running).json().get("state").asText(), "RUNNING"::equals);
        start(admin, project, "waits", 8);

        String text = Await.until("the scrape to show the waiting run", () -> scrape(admin),
                t -> value(t, "tasklane_queue_waiting_runs", "cluster=\"fairshare\"").orElse(0) == 1
                        && value(t, "tasklane_gpu_hours_total", "project=\"" + project + "\"").orElse(0) > 0);

        assertThat(value(text, "tasklane_cluster_skus", "cluster=\"fairshare\"")).hasValue(8);
        assertThat(value(text, "tasklane_cluster_skus_used", "cluster=\"fairshare\"")).hasValue(4);
        assertThat(value(text, "tasklane_queue_oldest_wait_seconds", "cluster=\"fairshare\"").orElseThrow()).isBetween(0.0, 600.0);
        assertThat(value(text, "tasklane_runs", "state=\"RUNNING\"").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "tasklane_runs", "state=\"QUEUED\"").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "tasklane_admissions_total", "cluster=\"fairshare\"").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "tasklane_queue_wait_seconds_count", "cluster=\"fairshare\"").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "tasklane_gpu_hours_total", "project=\"" + project + "\"").orElseThrow())
                .as("4 GPUs for under ten minutes").isBetween(1e-9, 4 * 10 / 60.0);
        assertThat(value(text, "tasklane_dispatch_pass_seconds_count", "").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("tasklane_dispatch_pass_seconds_bucket{le=");
        assertThat(text).contains("# TYPE tasklane_gpu_hours_total counter");
    }

    @Test
    void onlyAdminsScrapeUnlessAScrapeUserIsConfigured() {
        Api anonymous = Api.anonymous(port);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(anonymous.as("alice").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(anonymous.as("admin").get("/actuator/prometheus").status()).isEqualTo(200);
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

    /** The value of the sample of {@code name} whose labels contain {@code label}; summed if several match. */
    static OptionalDouble value(String text, String name, String label) {
        double[] values = Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).toArray();
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(Arrays.stream(values).sum());
    }
}
