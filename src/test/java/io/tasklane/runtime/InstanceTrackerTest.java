package io.tasklane.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tasklane.common.RunId;
import io.tasklane.support.Database;
import io.tasklane.support.IntegrationTest;
import io.tasklane.task.TaskKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A replica report written by the tracker is committed before the run's process is told, wherever the
 * report comes from. A job's process that ended before its deploy committed is reported from the deploy's
 * after-commit callback; there the write once joined the finished transaction, and the run's process,
 * told at once, could read the replica as still running and never hear of its end.
 */
@IntegrationTest
class InstanceTrackerTest {

    static final String TASK = "ttracker00001";
    static final String RUN = "rtracker00001";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    InstanceRepository instances;
    @Autowired
    PlatformTransactionManager transactionManager;

    /** What the run's process would read, on a thread and connection of its own, when told. */
    final List<String> seenWhenTold = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aRunWithAStartedReplica() {
        removeRows();
        Database.taskWithRun(jdbc, TASK, RUN, "local", "RUNNING", 0, 1, false, 0);
        jdbc.sql("insert into tasklane.run_instance (run_id, replica_index, node, gpu_indices, state) values (?, 0, 'host', '0', 'STARTED')")
                .param(RUN).update();
    }

    @AfterEach
    void removeRows() {
        jdbc.sql("delete from tasklane.run_instance where run_id = ?").param(RUN).update();
        jdbc.sql("update tasklane.task set current_run_id = null where id = ?").param(TASK).update();
        jdbc.sql("delete from tasklane.task_run where id = ?").param(RUN).update();
        jdbc.sql("delete from tasklane.task where id = ?").param(TASK).update();
    }

    @Test
    void anExitReportedFromAnAfterCommitCallbackIsCommittedBeforeTheProcessIsTold() {
        InstanceListener listener = new InstanceTracker(instances, transactionManager, toldAfterCommit(), Clock.systemUTC())
                .listenerFor(TaskKind.JOB);

        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                AfterCommit.run(() -> listener.exited(new RunId(RUN), 0, 0, null)));

        assertThat(seenWhenTold).containsExactly("EXITED");
        assertThat(stateOfReplica(RUN)).isEqualTo("EXITED");
    }

    @Test
    void aReportOutsideAnyTransactionIsCommittedBeforeTheProcessIsTold() {
        InstanceListener listener = new InstanceTracker(instances, transactionManager, toldAfterCommit(), Clock.systemUTC())
                .listenerFor(TaskKind.JOB);

        listener.exited(new RunId(RUN), 0, 3, null);

        assertThat(seenWhenTold).containsExactly("FAILED");
    }

    /**
     * Tells the run's process as the event registry does: once the transaction the event was published in
     * has committed, on a thread and connection of its own.
     */
    private ApplicationEventPublisher toldAfterCommit() {
        return event -> AfterCommit.run(() -> {
            String runId = ((ReplicasChanged) event).runId().value();
            seenWhenTold.add(CompletableFuture.supplyAsync(() -> stateOfReplica(runId)).join());
        });
    }

    private String stateOfReplica(String runId) {
        return jdbc.sql("select state from tasklane.run_instance where run_id = ? and replica_index = 0").param(runId)
                .query(String.class).single();
    }
}
