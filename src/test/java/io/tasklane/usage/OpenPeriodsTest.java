package io.tasklane.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.tasklane.capacity.AllocationRepository;
import io.tasklane.common.RunId;
import io.tasklane.support.Api;
import io.tasklane.support.Await;
import io.tasklane.support.Database;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open usage period is the allocation row itself; a release writes the closed one. Runs written straight into the
 * database on cluster "dispatch" (nothing runs there), ended (FAILED) yet still holding GPUs: what a crash between a
 * run's end and its release leaves, and what only recovery at start or a task's deletion frees.
 */
@IntegrationTest
class OpenPeriodsTest {

    static final String TASK = "topenperiod1";
    static final String RUN = "ropenperiod1";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AllocationRepository allocations;
    @Autowired
    TransactionTemplate transactions;
    @LocalServerPort
    int port;

    @AfterEach
    void removeTheRun() {
        jdbc.sql("delete from tasklane.usage_period where run_id = ?").param(RUN).update();
        jdbc.sql("delete from tasklane.allocation where run_id = ?").param(RUN).update();
        jdbc.sql("update tasklane.task set current_run_id = null where id = ?").param(TASK).update();
        jdbc.sql("delete from tasklane.task_run where id = ?").param(RUN).update();
        jdbc.sql("delete from tasklane.task where id = ?").param(TASK).update();
    }

    @Test
    void aHoldingIsOpenUntilItsReleaseClosesItOnceEvenWhenTwoReleasesRace() throws Exception {
        endedRunHoldingTwoGpus();
        OffsetDateTime heldFrom = jdbc.sql("select held_from from tasklane.allocation where run_id = ?").param(RUN)
                .query(OffsetDateTime.class).single();
        assertThat(periods()).containsExactly(Map.of("gpus", 2, "skus", 2, "project", "demo", "user", "alice", "open", true));
        assertThat(usageOfTheTask()).as("the usage report counts the open period").isNotNull();
        assertThat(usageOfTheTask().get("runs").asInt()).isEqualTo(1);

        CountDownLatch firstReleased = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            try {
                return allocations.release(new RunId(RUN));
            } finally {
                firstReleased.countDown();
                await(commitFirst);
            }
        }));
        CompletableFuture<Integer> second;
        try {
            await(firstReleased);
            second = CompletableFuture.supplyAsync(() -> transactions.execute(status -> allocations.release(new RunId(RUN))));
            Await.until("the second release to wait for the rows the first one holds (or to be done)",
                    () -> second.isDone() || jdbc.sql("select count(*) from pg_locks where not granted").query(Long.class).single() > 0, waits -> waits);
        } finally {
            commitFirst.countDown();
        }

        assertThat(first.get()).isEqualTo(1);
        assertThat(second.get()).as("the second release found nothing left to free").isZero();
        assertThat(periods()).as("one closed period, not two").containsExactly(Map.of("gpus", 2, "skus", 2, "project", "demo", "user", "alice", "open", false));
        assertThat(jdbc.sql("select held_from from tasklane.usage_period where run_id = ?").param(RUN).query(OffsetDateTime.class).single())
                .as("from the admission, as the allocation row said").isEqualTo(heldFrom);
    }

    @Test
    void aDeletedTasksHoldingIsClosedWhenItsRunEndedNotLost() {
        endedRunHoldingTwoGpus();
        jdbc.sql("update tasklane.allocation set held_from = timestamp with time zone '2026-11-25 01:00:00+00' where run_id = ?").param(RUN).update();
        jdbc.sql("update tasklane.task_run set finished_at = timestamp with time zone '2026-11-25 01:01:30+00' where id = ?").param(RUN).update();

        assertThat(Api.anonymous(port).as("admin").delete("/api/v1/tasks/" + TASK).status()).isEqualTo(204);

        assertThat(jdbc.sql("select count(*) from tasklane.allocation where run_id = ?").param(RUN).query(Long.class).single()).isZero();
        List<Map<String, Object>> closed = jdbc.sql("select * from tasklane.usage_period where run_id = ?").param(RUN).query().listOfRows();
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0)).containsEntry("task_id", TASK).containsEntry("task_name", "direct-" + TASK).containsEntry("project", "demo")
                .containsEntry("user_id", "alice").containsEntry("gpus", 2);
        assertThat(instant(closed.get(0), "held_from")).isEqualTo("2026-11-25T01:00:00Z");
        assertThat(instant(closed.get(0), "held_to")).as("closed when its run ended").isEqualTo("2026-11-25T01:01:30Z");
        JsonNode day = Api.anonymous(port).as("admin").get("/api/v1/usage?from=2026-11-25&to=2026-11-25&project=demo&groupBy=task").json();
        assertThat(day.get("rows")).filteredOn(row -> row.get("task").asText().equals(TASK)).singleElement()
                .satisfies(row -> assertThat(row.get("gpuSeconds").asDouble()).as("2 GPUs for 90 s, the task gone").isEqualTo(180.0));
    }

    /** A FAILED one-replica run of project demo (alice's) that still holds 2 SKUs of one GPU each on node disp-0. */
    private void endedRunHoldingTwoGpus() {
        Database.taskWithRun(jdbc, TASK, RUN, "dispatch", "FAILED", 0, 2, false, 0);
        jdbc.sql("update tasklane.task_run set admitted_at = now(), finished_at = now() where id = ?").param(RUN).update();
        Database.reserve(jdbc, RUN, "dispatch", "disp-0", 0, 2);
    }

    /** The run's periods as every reader of usage over time sees them (the view usage_hold). */
    private List<Map<String, Object>> periods() {
        return jdbc.sql("select gpus, skus, project, user_id, held_to from tasklane.usage_hold where run_id = ?").param(RUN)
                .query((rs, i) -> Map.<String, Object>of("gpus", rs.getInt("gpus"), "skus", rs.getInt("skus"), "project", rs.getString("project"),
                        "user", rs.getString("user_id"), "open", rs.getObject("held_to") == null))
                .list();
    }

    private JsonNode usageOfTheTask() {
        JsonNode report = Api.anonymous(port).as("alice").get("/api/v1/usage?project=demo&groupBy=task").json();
        for (JsonNode row : report.get("rows")) {
            if (row.get("task").asText().equals(TASK)) {
                return row;
            }
        }
        return null;
    }

    private static String instant(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return (value instanceof OffsetDateTime time ? time.toInstant() : ((java.sql.Timestamp) value).toInstant()).toString();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
