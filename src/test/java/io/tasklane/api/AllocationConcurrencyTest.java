package io.tasklane.api;

import static io.tasklane.support.TaskJson.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tasklane.support.Api;
import io.tasklane.support.ClusterInvariants;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many threads start and stop tasks of one cluster at once, while a watcher checks the allocation
 * invariants over and over: no slot held twice, no node holding more SKUs than it has, no GPUs held by an
 * ended run. When the dust settles every GPU is free again, every run ended without an incident, and the
 * dispatcher did admit runs (a dispatcher that admits nothing would pass the rest). Once on the 4-slot
 * local cluster with real host processes, once with multi-replica gangs across the 3 nodes of "sim".
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
    void startsAndStopsOfRealProcessesFromManyThreadsNeverOverAllocate() throws Exception {
        hammer("local", 4, i -> aTask().named("hammer-" + i + "-" + System.nanoTime())
                .with("command", List.of("sleep", "30")).replicas(1 + i % 2).skuPerReplica(1 + (i / 2) % 2).json());
    }

    @Test
    void gangsAcrossNodesFromManyThreadsNeverOverAllocate() throws Exception {
        List<String> tasks = hammer("sim", 24, i -> aTask().named("gang-" + i + "-" + System.nanoTime()).cluster("sim")
                .with("kind", "SERVICE").replicas(2 + i % 4).skuPerReplica(2 + i % 3).json());

        assertThat(jdbc.sql("""
                select count(*) from (select i.run_id from tasklane.run_instance i
                join tasklane.task_run r on r.id = i.run_id where r.task_id in (:tasks)
                group by i.run_id having count(distinct i.node) > 1) spread""")
                .param("tasks", tasks).query(Long.class).single()).as("gangs placed across nodes").isPositive();
    }

    /** Creates TASKS tasks from {@code task}, starts and stops each ROUNDS times from its own thread; returns their ids. */
    private List<String> hammer(String cluster, int skus, java.util.function.IntFunction<String> task) throws Exception {
        Api alice = Api.anonymous(port).as("alice");
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            Api.Response created = alice.post("/api/v1/tasks", task.apply(i));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            tasks.add(created.json().get("id").asText());
        }
        ClusterInvariants invariants = new ClusterInvariants(jdbc, cluster);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean hammering = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (hammering.get()) {
                violations.addAll(invariants.atAnyTime());
            }
        });
        watcher.start();

        CountDownLatch ready = new CountDownLatch(TASKS);
        ExecutorService threads = Executors.newFixedThreadPool(TASKS);
        for (int t = 0; t < TASKS; t++) {
            String id = tasks.get(t);
            threads.execute(() -> {
                ready.countDown();
                awaitQuietly(ready);  // every thread starts at once
                for (int round = 0; round < ROUNDS; round++) {
                    Api.Response started = alice.post("/api/v1/tasks/" + id + "/start", null);
                    // Hold the GPUs until the run runs (or waits in the queue) so that others queue behind it.
                    await().atMost(Duration.ofSeconds(60)).until(() -> List.of("CREATED", "QUEUED", "RUNNING", "FAILED", "SUCCEEDED", "STOPPED", "KILLED")
                            .contains(alice.get("/api/v1/tasks/" + id).json().get("state").asText()));
                    Api.Response stopped = alice.post("/api/v1/tasks/" + id + "/stop", null);
                    // 409 is a fair answer to a start of a task still stopping, or a stop of one already over
                    List.of(started, stopped).stream().filter(r -> r.status() != 201 && r.status() != 202 && r.status() != 409)
                            .forEach(r -> unexpected.add(r.status() + " " + r.body()));
                    await().atMost(Duration.ofSeconds(90)).until(() -> !List.of("QUEUED", "STARTING", "RUNNING", "STOPPING")
                            .contains(alice.get("/api/v1/tasks/" + id).json().get("state").asText()));
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        hammering.set(false);
        watcher.join();

        assertThat(unexpected).isEmpty();
        assertThat(violations).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from tasklane.allocation where cluster = ?")
                .param(cluster).query(Long.class).single() == 0);
        assertThat(invariants.afterEverythingEnded()).isEmpty();
        assertThat(alice.get("/api/v1/clusters/" + cluster).json().get("freeSkus").asInt()).isEqualTo(skus);
        assertThat(jdbc.sql("select count(*) from tasklane.task_run where task_id in (:tasks) and admitted_at is not null")
                // Not every start is admitted: a run seen QUEUED may be stopped before a pass reaches it (how many are
                // is the machine's timing). Some must be, or the hammer never raced an admission.
                .param("tasks", tasks).query(Long.class).single()).as("runs the dispatcher admitted").isPositive();
        return tasks;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
