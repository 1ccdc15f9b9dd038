package io.tasklane.api;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tasklane.support.Api;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many threads start and stop tasks on the 4-slot local cluster at once, while a watcher checks the
 * allocation invariants over and over: no node holds more SKUs than it has, and every allocation
 * belongs to a live run. When the dust settles, every GPU is free again.
 */
@IntegrationTest
class AllocationConcurrencyTest {

    static final int TASKS = 8;
    static final int ROUNDS = 4;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void startsAndStopsFromManyThreadsNeverOverAllocate() throws Exception {
        Api alice = Api.anonymous(port).as("alice");
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(alice.post("/api/v1/tasks", aTask().named("hammer-" + i + "-" + System.nanoTime())
                    .with("command", List.of("sleep", "30")).skuPerReplica(1 + i % 2).json()).json().get("id").asText());
        }
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean hammering = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (hammering.get()) {
                violations.addAll(invariantViolations());
            }
        });
        watcher.start();

        ExecutorService threads = Executors.newFixedThreadPool(TASKS);
        for (String task : tasks) {
            threads.execute(() -> {
                for (int round = 0; round < ROUNDS; round++) {
                    int started = alice.post("/api/v1/tasks/" + task + "/start", null).status();
                    pause();
                    int stopped = alice.post("/api/v1/tasks/" + task + "/stop", null).status();
                    // 409 is a fair answer to a start of a task still stopping, or a stop of one already over
                    List.of(started, stopped).stream().filter(s -> s != 201 && s != 202 && s != 409).forEach(unexpected::add);
                    awaitOver(alice, task);
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        hammering.set(false);
        watcher.join();

        assertThat(unexpected).isEmpty();
        assertThat(violations).isEmpty();
        awaitNoAllocations();
        // Every run of these tasks ended, and no run's process is stuck (a stop racing a forward step once left one behind).
        assertThat(jdbc.sql("select count(*) from tasklane.task_run where task_id in (:tasks) and state not in"
                + " ('STOPPED', 'KILLED', 'FAILED', 'SUCCEEDED')").param("tasks", tasks).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from act_ru_incident i join tasklane.task_run r on r.process_instance_id = i.proc_inst_id_"
                + " where r.task_id in (:tasks)").param("tasks", tasks).query(Long.class).single()).isZero();
        assertThat(alice.get("/api/v1/clusters/local").json().get("freeSkus").asInt()).isEqualTo(4);
    }

    private List<String> invariantViolations() {
        List<String> found = new ArrayList<>();
        jdbc.sql("""
                select a.node, sum(length(a.slots) - length(replace(a.slots, ',', '')) + 1) as held, n.capacity_skus
                from tasklane.allocation a join tasklane.cluster_node n on n.cluster_name = a.cluster and n.name = a.node
                group by a.node, n.capacity_skus""")
                .query((rs, i) -> rs.getInt("held") > rs.getInt("capacity_skus")
                        ? "node " + rs.getString("node") + " holds " + rs.getInt("held") + " of " + rs.getInt("capacity_skus") : null)
                .list().stream().filter(v -> v != null).forEach(found::add);
        jdbc.sql("""
                select a.run_id, r.state from tasklane.allocation a join tasklane.task_run r on r.id = a.run_id
                where r.state not in ('QUEUED', 'STARTING', 'RUNNING', 'STOPPING')""")
                .query((rs, i) -> "run " + rs.getString(1) + " is " + rs.getString(2) + " but holds GPUs").list().forEach(found::add);
        jdbc.sql("""
                select count(*) from (select a.cluster, a.node, s.slot from tasklane.allocation a
                cross join lateral unnest(string_to_array(a.slots, ',')) as s(slot)
                group by a.cluster, a.node, s.slot having count(*) > 1) twice""")
                .query(Long.class).optional().filter(n -> n > 0).ifPresent(n -> found.add(n + " slot(s) held twice"));
        return found;
    }

    private static void awaitOver(Api api, String task) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            String state = api.get("/api/v1/tasks/" + task).json().get("state").asText();
            if (List.of("STOPPED", "KILLED", "FAILED", "SUCCEEDED", "CREATED").contains(state)) {
                return;
            }
            pause();
        }
        throw new AssertionError("task " + task + " did not end in 90 s");
    }

    private void awaitNoAllocations() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (jdbc.sql("select count(*) from tasklane.allocation").query(Long.class).single() > 0) {
            assertThat(Instant.now()).as("allocations still held after every run ended").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(20, 300));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
