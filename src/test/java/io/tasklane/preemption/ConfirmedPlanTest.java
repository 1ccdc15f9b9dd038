package io.tasklane.preemption;

import static org.assertj.core.api.Assertions.assertThat;


import io.tasklane.common.TaskId;
import io.tasklane.support.Database;
import io.tasklane.support.Fixtures;
import io.tasklane.support.IntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an admin confirms is what gets killed: the plan made again at confirmation may drop victims that
 * ended meanwhile, but a run the admin was not shown is never killed on their word; the force-start asks
 * again with the new plan. Real force-start process; runs on cluster "dispatch" (2 nodes × 4 SKUs) written
 * straight into the database in a transaction that is rolled back, and without processes of their own.
 */
@IntegrationTest
class ConfirmedPlanTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ForceStartService forceStarts;
    @Autowired
    TaskService tasklist;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aNewPlanThatKillsARunNobodyConfirmedKillsNothingAndAsksAgain() {
        transactions.executeWithoutResult(status -> {
            Database.runningOn(jdbc, "cpvictim0000", "dispatch", "disp-0", 0, 4, 0);
            Database.runningOn(jdbc, "cpvalued0001", "dispatch", "disp-1", 0, 2, 5);
            Database.runningOn(jdbc, "cpvalued0002", "dispatch", "disp-1", 2, 2, 5);
            Database.taskWithRun(jdbc, "tcppinned000", "rcppinned000", "dispatch", "QUEUED", 0, 4, true, 0);
            ForceStart shown = forceStarts.start(Fixtures.ADMIN, new TaskId("tcppinned000"));
            assertThat(shown.victims()).extracting(v -> v.runId().value()).containsExactly("rcpvictim0000");
            String firstConfirmation = forceStarts.confirmationTaskId(shown.id()).orElseThrow();
            // Its owner stops the victim: stopping, it is no victim any more, yet holds its GPUs for the grace period.
            jdbc.sql("update tasklane.task_run set state = 'STOPPING' where id = 'rcpvictim0000'").update();

            ForceStart asked = forceStarts.decide(Fixtures.ADMIN, shown.id(), true);

            assertThat(asked.state()).as(asked.toString()).isEqualTo(ForceStart.State.AWAITING_CONFIRMATION);
            assertThat(asked.outcome()).startsWith("the plan changed: it would also kill").contains("rcpvalued0001", "rcpvalued0002");
            assertThat(asked.victims()).extracting(v -> v.runId().value()).containsExactlyInAnyOrder("rcpvalued0001", "rcpvalued0002");
            assertThat(stopRequested("rcpvalued0001") || stopRequested("rcpvalued0002")).as("a run was asked to stop").isFalse();
            String again = forceStarts.confirmationTaskId(shown.id()).orElseThrow();
            assertThat(again).isNotEqualTo(firstConfirmation);
            assertThat(tasklist.getVariablesLocal(again)).containsEntry("planChange", asked.outcome())
                    .hasEntrySatisfying("victims", text -> assertThat(text.toString()).contains("direct-tcpvalued0001"));
            status.setRollbackOnly();
        });
    }

    @Test
    void aNewPlanThatOnlyLostVictimsGoesAhead() {
        transactions.executeWithoutResult(status -> {
            Database.runningOn(jdbc, "cpcheap00001", "dispatch", "disp-0", 0, 2, 0);
            Database.runningOn(jdbc, "cpcheap00002", "dispatch", "disp-0", 2, 2, 0);
            Database.runningOn(jdbc, "cpvalued0003", "dispatch", "disp-1", 0, 4, 5);
            Database.taskWithRun(jdbc, "tcppinned000", "rcppinned000", "dispatch", "QUEUED", 0, 4, true, 0);
            ForceStart shown = forceStarts.start(Fixtures.ADMIN, new TaskId("tcppinned000"));
            assertThat(shown.victims()).extracting(v -> v.runId().value()).containsExactlyInAnyOrder("rcpcheap00001", "rcpcheap00002");
            // One victim ended on its own meanwhile and released its GPUs.
            jdbc.sql("delete from tasklane.allocation where run_id = 'rcpcheap00001'").update();
            jdbc.sql("update tasklane.task_run set state = 'STOPPED' where id = 'rcpcheap00001'").update();

            ForceStart confirmed = forceStarts.decide(Fixtures.ADMIN, shown.id(), true);

            assertThat(confirmed.state()).as(confirmed.toString()).isEqualTo(ForceStart.State.KILLING);
            assertThat(confirmed.victims()).extracting(v -> v.runId().value()).containsExactly("rcpcheap00002");
            assertThat(stopRequested("rcpcheap00002")).isTrue();
            assertThat(stopRequested("rcpvalued0003")).isFalse();
            status.setRollbackOnly();
        });
    }

    private boolean stopRequested(String runId) {
        return jdbc.sql("select stop_requested_at is not null from tasklane.task_run where id = ?").param(runId)
                .query(Boolean.class).single();
    }
}
