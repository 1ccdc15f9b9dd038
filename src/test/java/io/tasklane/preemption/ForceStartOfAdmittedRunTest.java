package io.tasklane.preemption;

import static org.assertj.core.api.Assertions.assertThat;


import io.tasklane.common.TaskId;
import io.tasklane.support.Database;
import io.tasklane.support.Fixtures;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dispatch pass may admit the pinned run (reserve its GPUs) while its task is still QUEUED and pinned:
 * until "Allocate GPUs" runs, the run holds a reservation. A force-start then must not count that
 * reservation as taken by someone else and kill runs for GPUs the pinned run holds already.
 * <p>
 * Cluster "dispatch" (2 nodes × 4 SKUs), written straight into the database in a transaction that is
 * rolled back; the runs have no process, so nothing moves them on meanwhile: the window stays open.
 */
@IntegrationTest
class ForceStartOfAdmittedRunTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ForceStartService forceStarts;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aForceStartOfAnAlreadyAdmittedRunKillsNothing() {
        transactions.executeWithoutResult(status -> {
            running("fsadmvictim", "disp-0");
            pinnedAndAdmitted("fsadmpinned", "disp-1");

            ForceStart start = forceStarts.start(Fixtures.ADMIN, new TaskId("tfsadmpinned"));

            assertThat(start.state()).as(start.toString()).isEqualTo(ForceStart.State.IMPOSSIBLE);
            assertThat(start.outcome()).contains("already admitted");
            assertThat(start.victims()).isEmpty();
            assertThat(stopRequested("rfsadmvictim")).isFalse();
            status.setRollbackOnly();
        });
    }

    @Test
    void aConfirmationAfterThePinnedRunWasAdmittedKillsNothing() {
        transactions.executeWithoutResult(status -> {
            running("fsadmvictim", "disp-0");
            running("fsadmother00", "disp-1");
            Database.taskWithRun(jdbc, "tfsadmpinned", "rfsadmpinned", "dispatch", "QUEUED", 0, 4, true, 0);
            ForceStart planned = forceStarts.start(Fixtures.ADMIN, new TaskId("tfsadmpinned"));
            assertThat(planned.state()).isEqualTo(ForceStart.State.AWAITING_CONFIRMATION);
            assertThat(planned.victims()).hasSize(1);
            // A victim ended on its own; a dispatch pass gave its GPUs to the pinned run, not yet allocated.
            jdbc.sql("delete from tasklane.allocation where run_id = ?").param(planned.victims().get(0).runId().value()).update();
            jdbc.sql("update tasklane.task_run set state = 'STOPPED' where id = ?").param(planned.victims().get(0).runId().value()).update();
            admit("rfsadmpinned", planned.victims().get(0).nodes().get(0));

            ForceStart confirmed = forceStarts.decide(Fixtures.ADMIN, planned.id(), true);

            assertThat(confirmed.state()).as(confirmed.toString()).isNotIn(ForceStart.State.KILLING, ForceStart.State.AWAITING_CONFIRMATION);
            assertThat(confirmed.outcome()).startsWith("nothing killed").contains("admitted");
            assertThat(stopRequested("rfsadmvictim") || stopRequested("rfsadmother00")).as("a run was asked to stop").isFalse();
            status.setRollbackOnly();
        });
    }

    private void running(String id, String node) {
        Database.runningOn(jdbc, id, "dispatch", node, 0, 4, 0);
    }

    private void pinnedAndAdmitted(String id, String node) {
        Database.taskWithRun(jdbc, "t" + id, "r" + id, "dispatch", "QUEUED", 0, 4, true, 0);
        admit("r" + id, node);
    }

    /** What a dispatch pass does: reserve the run's slots and mark it admitted; the task stays QUEUED and pinned. */
    private void admit(String runId, String node) {
        jdbc.sql("update tasklane.task_run set admitted_at = now() where id = ?").param(runId).update();
        Database.reserve(jdbc, runId, "dispatch", node, 0, 4);
    }

    private boolean stopRequested(String runId) {
        return jdbc.sql("select stop_requested_at is not null from tasklane.task_run where id = ?").param(runId)
                .query(Boolean.class).single();
    }
}
