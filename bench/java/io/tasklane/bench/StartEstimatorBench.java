package io.tasklane.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.tasklane.capacity.ClusterNode;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.queue.QueueEntry;
import io.tasklane.queue.RunEnd;
import io.tasklane.queue.StartEstimator;
import org.junit.jupiter.api.Test;

/**
 * One replay of the start estimator, as the Queue page and the queue API make it on every read: a full cluster of
 * 1,000 nodes × 8 SKUs (2,000 holders ending over the next day) and 10,000 queued runs of 1-4 SKUs (the first
 * {@link StartEstimator#MAX_ESTIMATED} replayed). Prints the time; asserts nothing about it.
 */
class StartEstimatorBench {

    static final int NODES = 1_000;
    static final int QUEUED = 10_000;
    static final int ROUNDS = 30;

    @Test
    void replayOfALongQueueOnAFullLargeCluster() {
        Random random = new Random(17);
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        List<ClusterNode> nodes = new ArrayList<>();
        List<StartEstimator.Holder> holders = new ArrayList<>();
        for (int n = 0; n < NODES; n++) {
            nodes.add(new ClusterNode("node-" + n, 8, true));
            for (int half = 0; half < 2; half++) {
                Instant deadline = now.plusSeconds(60 + random.nextInt(86_400));
                holders.add(new StartEstimator.Holder(new RunId("h" + n + "-" + half), null,
                        Map.of("node-" + n, Set.of(half * 4, half * 4 + 1, half * 4 + 2, half * 4 + 3)),
                        RunEnd.ofHolder(now.minusSeconds(60), deadline, List.of(), now)));
            }
        }
        List<StartEstimator.Waiting> queue = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            queue.add(new StartEstimator.Waiting(new QueueEntry(new RunId(String.format("q%06d", i)), new TaskId("t" + i), false, 0,
                    now.plusMillis(i), 1, 1 + random.nextInt(4)), RunEnd.ofQueued(Duration.ofHours(1), List.of())));
        }
        StartEstimator.Cluster cluster = new StartEstimator.Cluster("big", nodes, QueuePolicy.BEST_EFFORT_FIFO, Map.of());
        long[] took = new long[ROUNDS];
        int known = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long begin = System.nanoTime();
            var estimates = StartEstimator.estimate(cluster, holders, queue, now);
            took[round] = (System.nanoTime() - begin) / 1_000_000;
            known = (int) estimates.values().stream().filter(e -> e.known()).count();
        }
        java.util.Arrays.sort(took);
        System.out.printf("%nStart estimate, one replay: %,d nodes x 8 SKUs full (%,d holders), %,d queued runs (first %d replayed)%n",
                NODES, holders.size(), QUEUED, StartEstimator.MAX_ESTIMATED);
        System.out.printf("  p50 %5d ms  min %5d ms  max %5d ms over %d rounds; %d runs given a time%n",
                took[ROUNDS / 2], took[0], took[ROUNDS - 1], ROUNDS, known);
    }
}
