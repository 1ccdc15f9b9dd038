package io.tasklane.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.support.Database;
import io.tasklane.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue order exists twice, as SQL (the dispatcher's lazy read, the pinned run read apart) and as a
 * comparator (queue views, grows): on generated queues full of ties (priority, submit time) both give the
 * same order, on PostgreSQL. Written on cluster "dispatch" in a transaction that is rolled back.
 */
@IntegrationTest
class QueueOrderTest {

    static final ClusterName DISPATCH = new ClusterName("dispatch");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    QueueRepository queue;
    @Autowired
    TransactionTemplate transactions;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void theSqlReadAndTheComparatorAgree(long seed) {
        Random random = new Random(seed);
        List<String> read = new ArrayList<>();
        List<String> sorted = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            int runs = 5 + random.nextInt(40);
            int pinnedAt = random.nextBoolean() ? random.nextInt(runs) : -1;
            for (int i = 0; i < runs; i++) {
                // Few priorities and few submit times: most runs tie on both, and the run id decides.
                String id = Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36) + i;
                Database.taskWithRun(jdbc, "tqo" + id, "rqo" + id, "dispatch", "QUEUED", random.nextInt(3), 1, i == pinnedAt,
                        random.nextInt(4));
            }
            List<QueueEntry> pinned = queue.pinned(DISPATCH);
            Set<RunId> pinnedIds = pinned.stream().map(QueueEntry::runId).collect(Collectors.toSet());
            try (Stream<QueueEntry> rest = queue.inOrderIgnoringPins(DISPATCH, 1)) {
                Stream.concat(pinned.stream(), rest.filter(e -> !pinnedIds.contains(e.runId()))).map(e -> e.runId().value()).forEach(read::add);
            }
            queue.waiting(DISPATCH).stream().sorted(QueueOrder.ORDER).map(e -> e.runId().value()).forEach(sorted::add);
            assertThat(pinned).hasSize(pinnedAt >= 0 ? 1 : 0);
            status.setRollbackOnly();
        });

        assertThat(read).as("seed " + seed).hasSizeGreaterThanOrEqualTo(5).isEqualTo(sorted);
    }
}
