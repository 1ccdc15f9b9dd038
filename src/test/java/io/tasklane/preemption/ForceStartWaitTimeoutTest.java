package io.tasklane.preemption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.tasklane.common.TaskId;
import io.tasklane.support.Database;
import io.tasklane.support.Fixtures;
import io.tasklane.support.IntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A confirmed force-start whose pinned task never gets the freed GPUs (here: the victim never dies) ends
 * after the configured wait (tasklane.force-start.wait-timeout, 10 minutes by default) with an outcome that
 * says why, at its own end event, without an incident. Real force-start process; runs on cluster "dispatch"
 * written straight into the database in a transaction that is rolled back; the timer is fired by hand.
 */
@IntegrationTest
class ForceStartWaitTimeoutTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ForceStartService forceStarts;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aForceStartWhosePinnedTaskNeverGetsItsGpusEndsAfterTheWaitTimeout() {
        transactions.executeWithoutResult(status -> {
            Database.runningOn(jdbc, "fwvictim0000", "dispatch", "disp-0", 0, 4, 0);
            Database.runningOn(jdbc, "fwvalued0000", "dispatch", "disp-1", 0, 4, 5);
            Database.taskWithRun(jdbc, "tfwpinned000", "rfwpinned000", "dispatch", "QUEUED", 0, 4, true, 0);
            ForceStart start = forceStarts.start(Fixtures.ADMIN, new TaskId("tfwpinned000"));
            assertThat(forceStarts.decide(Fixtures.ADMIN, start.id(), true).state()).isEqualTo(ForceStart.State.KILLING);
            ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(start.id().value())
                    .processDefinitionKey("force-start").singleResult();
            Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
            assertThat(timer).as("the wait for the pinned task has a timer").isNotNull();
            assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()))
                    .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));

            management.executeJob(timer.getId());

            ForceStart ended = forceStarts.find(start.id());
            assertThat(ended.state()).as(ended.toString()).isEqualTo(ForceStart.State.TIMED_OUT);
            assertThat(ended.outcome()).startsWith("timed out: task direct-tfwpinned000 did not get its GPUs within PT10M")
                    .contains("still QUEUED and pinned");
            assertThat(ended.finishedAt()).isNotNull();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(process.getId()).count()).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                    .activityId("ForceStartTimedOut").count()).isOne();
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).variableName("outcome")
                    .singleResult().getValue()).isEqualTo(ended.outcome());
            assertThat(history.createHistoricIncidentQuery().processInstanceId(process.getId()).count()).isZero();
            status.setRollbackOnly();
        });
    }
}
