package io.tasklane.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.support.Database;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dispatch pass on PostgreSQL reads the queue in the order people are promised (pinned, priority,
 * submit time) although it reads it lazily from an index and stops early. Runs are written straight
 * into the database on cluster "dispatch" (2 nodes x 4 SKUs) in the test's own transaction, which the
 * pass joins and which is rolled back: nobody else (the sweep) ever sees them.
 */
@IntegrationTest
class DispatchOrderTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void thePinnedRunGoesFirstThenPriorityThenSubmitTimeAndWhatDoesNotFitWaits() {
        List<String> admitted = passOver(() -> {
            queued("ord00000001", 0, 10, 4, false);
            queued("ord00000002", 5, 30, 4, false);
            queued("ord00000003", 5, 20, 2, false);
            queued("ord00000004", 0, 40, 1, true);
        });

        // 8 SKUs: pinned (1), then priority 5 by submit time (2, then 4); the oldest run, priority 0, no longer fits.
        assertThat(admitted).containsExactly("rord00000004", "rord00000003", "rord00000002");
    }

    @Test
    void bestEffortLetsASmallerRunPassAHeadThatDoesNotFitFarDownTheQueue() {
        List<String> admitted = passOver(() -> {
            queued("big00000001", 9, 0, 5, false);
            for (int i = 0; i < 40; i++) {
                queued(String.format("mid%08d", i), 5, 1 + i, 3, false);
            }
            queued("sml00000001", 0, 100, 1, false);
        });

        // No node holds 5: the big head waits; two 3-SKU runs fill 6 slots (3 + 3 on two nodes of 4), the
        // other 3-SKU runs cannot fit the 1 + 1 left, and the 1-SKU run at the very end of the queue can.
        assertThat(admitted).containsExactly("rmid00000000", "rmid00000001", "rsml00000001");
    }

    /** Writes the queue and runs one pass over it in a transaction that is rolled back. */
    private List<String> passOver(Runnable writeQueue) {
        return transactions.execute(status -> {
            writeQueue.run();
            List<String> admitted = dispatcher.dispatch(new ClusterName("dispatch")).stream().map(RunId::value).toList();
            status.setRollbackOnly();
            return admitted;
        });
    }

    private void queued(String id, int priority, int secondsAfterStart, int skus, boolean pinned) {
        Database.taskWithRun(jdbc, "t" + id, "r" + id, "dispatch", "QUEUED", priority, skus, pinned, secondsAfterStart);
    }
}
