package io.tasklane.invariants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.tasklane.sizing.RunResizer;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.ClusterInvariants;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Randomized, seeded operations from several threads against one simulated cluster ("chaos": 3 nodes × 4
 * SKUs), with the invariants checked after every operation and once everything has ended. A failure
 * prints the seed; run it again with {@code -Dinvariants.seed=<seed>} (each thread's choices follow from
 * the seed; the interleaving of threads does not). A longer run: {@code -Dinvariants.ops=500}.
 */
@IntegrationTest
class InvariantsUnderLoadTest {

    static final int THREADS = 4;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunResizer resizer;

    @Test
    void noDoubleAllocationNoUnconfirmedKillNoPassedPinAndEverythingEnds() throws Exception {
        long seed = Long.getLong("invariants.seed", System.nanoTime());
        int opsPerThread = Integer.getInteger("invariants.ops", 40);
        System.out.println("InvariantsUnderLoadTest seed=" + seed + " ops per thread=" + opsPerThread
                + " (repeat with -Dinvariants.seed=" + seed + ")");
        ClusterInvariants invariants = new ClusterInvariants(jdbc, ChaosOperations.CLUSTER);
        ChaosOperations operations = new ChaosOperations(Api.anonymous(port).as("alice"), Api.anonymous(port).as("admin"),
                resizer, this::hasForceStart);
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);

        // A watcher reads the invariants between the operations' own checks, catching what holds only for a moment.
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                invariants.atAnyTime().forEach(v -> violations.add("seen by the watcher: " + v));
            }
        });
        watcher.start();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(seed + t);
            threads.execute(() -> {
                for (int op = 0; op < opsPerThread; op++) {
                    String done = operations.step(random);
                    invariants.atAnyTime().forEach(v -> violations.add("after " + done + ": " + v));
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.MINUTES)).as("operations finished (seed " + seed + ")").isTrue();
        running.set(false);
        watcher.join();

        operations.stopEverything();
        Await.until("every run of cluster chaos to end (seed " + seed + ")", this::activeRuns, n -> n == 0);
        Await.until("every GPU of cluster chaos to be free (seed " + seed + ")", this::heldAllocations, n -> n == 0);
        Await.until("every event about cluster chaos and its runs to be handled (seed " + seed + ")", this::pendingEvents, n -> n == 0);
        List<String> found = new ArrayList<>(violations);
        found.addAll(invariants.afterEverythingEnded());
        found.addAll(operations.unexpectedAnswers());

        assertThat(found).as("invariant violations (seed " + seed + ")").isEmpty();
        // How many runs are admitted depends on the threads' interleaving (a fast machine stops or force-starts
        // more of them while still queued); what matters is that the invariants were checked over admissions.
        assertThat(runsThat("admitted_at is not null")).as("the cluster admitted runs at all").isPositive();
        System.out.println("InvariantsUnderLoadTest: " + operations.tasks().size() + " tasks, runs by end state: "
                + jdbc.sql("select state || '=' || count(*) from tasklane.task_run where cluster = 'chaos' group by state")
                .query(String.class).list());
    }

    private boolean hasForceStart(String task) {
        return jdbc.sql("select count(*) from tasklane.force_start where task_id = ?").param(task).query(Long.class).single() > 0
                || jdbc.sql("select count(*) from tasklane.force_start_victim where task_id = ?").param(task).query(Long.class).single() > 0;
    }

    private long activeRuns() {
        return runsThat("state not in ('STOPPED', 'KILLED', 'FAILED', 'SUCCEEDED')");
    }

    private long runsThat(String condition) {
        return jdbc.sql("select count(*) from tasklane.task_run where cluster = 'chaos' and " + condition).query(Long.class).single();
    }

    /** Events still in the registry (not yet handled) that name cluster chaos or one of its runs. */
    private long pendingEvents() {
        return jdbc.sql("""
                select count(*) from tasklane.event_publication e where e.serialized_event like '%"chaos"%'
                  or exists (select 1 from tasklane.task_run r where r.cluster = 'chaos' and e.serialized_event like '%' || r.id || '%')""")
                .query(Long.class).single();
    }

    private long heldAllocations() {
        return jdbc.sql("select count(*) from tasklane.allocation where cluster = 'chaos'").query(Long.class).single();
    }
}
