package io.tasklane.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.tasklane.task.TaskState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What Prometheus reads of Tasklane's state (at {@code /actuator/prometheus}), taken from the database so every
 * instance sharing it reports the same figures and a restart loses nothing: per cluster the runs waiting and the
 * oldest wait, SKUs in all, in use and free; runs by cluster and state; GPU-hours per project and cluster (a counter,
 * summed from the holding periods). A snapshot serves every meter for {@link #FRESH_FOR}, so a scrape costs one round of
 * queries; meters of a cluster, project or state seen for the first time appear from the scrape after. Since every
 * instance reports the same figures, dashboards take their {@code max} over instances, never their sum.
 * (The dispatcher counts admissions and times its passes itself, and {@link RunsEndedCounter} counts ends: those are
 * each instance's own and add up.)
 */
@Component
class OperationsMetrics {

    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    OperationsMetrics(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    /** The figures at one moment, by cluster; runs by cluster and state; GPU-hours by project and cluster. */
    record Snapshot(Instant at, Map<String, Long> waiting, Map<String, Double> oldestWait, Map<String, Long> skus,
                    Map<String, Long> skusUsed, Map<List<String>, Long> runs, Map<List<String>, Double> gpuHours) {
        static final Snapshot EMPTY = new Snapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerMeters() {
        current();
    }

    /** The snapshot, taken again if older than {@link #FRESH_FOR}; registers meters for keys not seen before. */
    synchronized Snapshot current() {
        Instant now = clock.instant();
        if (Duration.between(snapshot.at(), now).compareTo(FRESH_FOR) < 0) {
            return snapshot;
        }
        snapshot = take(now);
        snapshot.skus().keySet().forEach(this::registerCluster);
        snapshot.runs().keySet().forEach(key -> once("runs/" + key, () -> Gauge.builder("tasklane.runs", this,
                        m -> m.current().runs().getOrDefault(key, 0L))
                .description("Runs in each state, per cluster").tags(Tags.of("cluster", key.get(0), "state", key.get(1))).register(registry)));
        snapshot.gpuHours().keySet().forEach(key -> once("gpu/" + key, () -> FunctionCounter.builder("tasklane.gpu.hours", this,
                        m -> m.current().gpuHours().getOrDefault(key, 0.0))
                .description("GPU-hours held, per project and cluster").tags(Tags.of("project", key.get(0), "cluster", key.get(1)))
                .register(registry)));
        return snapshot;
    }

    private void registerCluster(String cluster) {
        once("cluster/" + cluster, () -> {
            Gauge.builder("tasklane.queue.waiting.runs", this, m -> m.current().waiting().getOrDefault(cluster, 0L))
                    .description("Runs waiting for GPUs").tag("cluster", cluster).register(registry);
            Gauge.builder("tasklane.queue.oldest.wait", this, m -> m.current().oldestWait().getOrDefault(cluster, 0.0)).baseUnit("seconds")
                    .description("How long the longest-waiting run has waited").tag("cluster", cluster).register(registry);
            Gauge.builder("tasklane.cluster.skus", this, m -> m.current().skus().getOrDefault(cluster, 0L))
                    .description("SKUs of the cluster's schedulable nodes").tag("cluster", cluster).register(registry);
            Gauge.builder("tasklane.cluster.skus.used", this, m -> m.current().skusUsed().getOrDefault(cluster, 0L))
                    .description("SKUs held by runs").tag("cluster", cluster).register(registry);
            Gauge.builder("tasklane.cluster.skus.free", this, m -> Math.max(0L, m.current().skus().getOrDefault(cluster, 0L)
                            - m.current().skusUsed().getOrDefault(cluster, 0L)))
                    .description("SKUs of schedulable nodes that no run holds").tag("cluster", cluster).register(registry);
            TaskState.FINAL.forEach(outcome -> RunsEndedCounter.of(registry, cluster, outcome));
        });
    }

    private void once(String key, Runnable register) {
        if (registered.add(key)) {
            register.run();
        }
    }

    private Snapshot take(Instant now) {
        Map<String, Long> waiting = new HashMap<>();
        Map<String, Double> oldest = new HashMap<>();
        jdbc.sql("select cluster, count(*), min(queued_at) from tasklane.task_run where state = 'QUEUED' and admitted_at is null group by cluster")
                .query(rs -> {
                    waiting.put(rs.getString(1), rs.getLong(2));
                    oldest.put(rs.getString(1), Duration.between(rs.getObject(3, OffsetDateTime.class).toInstant(), now).toMillis() / 1000.0);
                });
        Map<String, Long> skus = new HashMap<>();
        jdbc.sql("select c.name, coalesce(sum(case when n.schedulable then n.capacity_skus else 0 end), 0) from tasklane.virtual_cluster c"
                + " left join tasklane.cluster_node n on n.cluster_name = c.name group by c.name").query(rs -> {
                    skus.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> used = new HashMap<>();
        jdbc.sql("select cluster, sum(skus) from tasklane.allocation group by cluster")
                .query(rs -> {
                    used.put(rs.getString(1), rs.getLong(2));
                });
        Map<List<String>, Long> runs = new HashMap<>();
        jdbc.sql("select cluster, state, count(*) from tasklane.task_run group by cluster, state").query(rs -> {
            runs.put(List.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
        });
        return new Snapshot(now, waiting, oldest, skus, used, runs, gpuHours(now));
    }

    /** Every period, closed and open (an open one up to now), summed by the database. */
    private Map<List<String>, Double> gpuHours(Instant now) {
        Map<List<String>, Double> hours = new HashMap<>();
        jdbc.sql("""
                select project, cluster, sum(gpus * (extract(epoch from coalesce(held_to, :now)) - extract(epoch from held_from)))
                from tasklane.usage_hold group by project, cluster""").param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .query(rs -> {
                    hours.put(List.of(rs.getString(1), rs.getString(2)), rs.getDouble(3) / 3600);
                });
        return hours;
    }
}
