package io.tasklane.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.security.Caller;
import io.tasklane.support.Database;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The places a page of tasks reads for a few runs ({@link QueueService#positionsOf}, numbered by the database) are
 * the places the queue view gives them ({@link QueueService#lines}), and the navigation's count of waiting runs is
 * the length of that view. Runs are written straight into the database on cluster "dispatch" in a transaction that
 * is rolled back, as in {@code DispatchOrderTest}.
 */
@IntegrationTest
class QueuePositionsTest {

    static final ClusterName CLUSTER = new ClusterName("dispatch");
    static final Caller ADMIN = new Caller("admin", java.util.Set.of(Caller.ADMIN_GROUP));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    QueueService queues;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aFewRunsGetTheSamePlacesAsInTheWholeQueue() {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 30; i++) {
                Database.taskWithRun(jdbc, String.format("tpos%07d", i), String.format("rpos%07d", i), "dispatch", "QUEUED",
                        i % 3, 9, i == 17, i);
            }
            Map<RunId, Integer> whole = queues.lines(ADMIN, CLUSTER).stream()
                    .collect(Collectors.toMap(line -> line.entry().runId(), QueueLine::position));
            List<RunId> asked = List.of(new RunId("rpos0000017"), new RunId("rpos0000002"), new RunId("rpos0000029"),
                    new RunId("rpos0000000"), new RunId("not-queued"));

            Map<RunId, Integer> places = queues.positionsOf(CLUSTER, asked);

            assertThat(places).hasSize(4).containsEntry(new RunId("rpos0000017"), 1);
            places.forEach((run, place) -> assertThat(place).as(run.value()).isEqualTo(whole.get(run)));
            status.setRollbackOnly();
        });
    }

    @Test
    void theCountOfWaitingRunsIsTheLengthOfTheQueueView() {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 12; i++) {
                Database.taskWithRun(jdbc, String.format("twait%06d", i), String.format("rwait%06d", i), "dispatch",
                        i < 9 ? "QUEUED" : "RUNNING", i % 3, 1, i == 4, i);
            }
            // Admitted but not started yet: it holds GPUs, so it no longer waits.
            jdbc.sql("update tasklane.task_run set admitted_at = now() where id = 'rwait000007'").update();
            long listed = queues.lines(ADMIN, CLUSTER).size();

            Map<ClusterName, Long> waiting = queues.waitingPerCluster();

            assertThat(listed).isEqualTo(8);
            assertThat(waiting).containsEntry(CLUSTER, listed);
            status.setRollbackOnly();
        });
    }
}
