package io.tasklane.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.usage.Quotas;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expected starts of a cluster's queued runs: reads the cluster, its holders, its queue and its tasks' recent
 * holding times, and lets {@link StartEstimator} replay the dispatcher over them. One replay serves every run of
 * the queue, so a page of queued runs costs the same as one.
 */
@Service
public class StartEstimates {

    private final EstimateRepository reads;
    private final QueueRepository queue;
    private final ClusterService clusters;
    private final Quotas quotas;
    private final Clock clock;

    StartEstimates(EstimateRepository reads, QueueRepository queue, ClusterService clusters, Quotas quotas, Clock clock) {
        this.reads = reads;
        this.queue = queue;
        this.clusters = clusters;
        this.quotas = quotas;
        this.clock = clock;
    }

    /** The expected start of every waiting run of the cluster, by run id. */
    @Transactional(readOnly = true)
    public Map<RunId, StartEstimate> onCluster(ClusterName name) {
        VirtualCluster cluster = clusters.find(name);
        Instant now = clock.instant();
        List<QueueEntry> waiting = queue.waiting(name).stream().sorted(QueueOrder.ORDER).toList();
        if (waiting.isEmpty()) {
            return Map.of();
        }
        List<EstimateRepository.HeldRun> held = reads.holding(name);
        Map<RunId, Duration> deadlines = reads.activeDeadlinesOfWaiting(name);
        Map<TaskId, List<Duration>> history = reads.holdingTimes(Stream.concat(held.stream().map(EstimateRepository.HeldRun::taskId),
                waiting.stream().limit(StartEstimator.MAX_ESTIMATED).map(QueueEntry::taskId)).toList());
        List<StartEstimator.Holder> holders = held.stream().map(run -> new StartEstimator.Holder(run.runId(), run.project(),
                run.slotsByNode(), RunEnd.ofHolder(run.since() == null ? now : run.since(), deadlineOf(run), history.getOrDefault(run.taskId(), List.of()), now)))
                .toList();
        List<StartEstimator.Waiting> ahead = waiting.stream().map(entry -> new StartEstimator.Waiting(entry,
                RunEnd.ofQueued(deadlines.get(entry.runId()), history.getOrDefault(entry.taskId(), List.of())))).toList();
        return StartEstimator.estimate(new StartEstimator.Cluster(cluster.name(), cluster.nodes(), cluster.queuePolicy(),
                quotas.onCluster(name).limits()), holders, ahead, now);
    }

    /** The expected start of one run, while it waits in the cluster's queue. */
    public Optional<StartEstimate> of(ClusterName cluster, RunId run) {
        return Optional.ofNullable(onCluster(cluster).get(run));
    }

    /**
     * A run admitted but not yet starting has no deadline yet: it gets its task's active deadline from the moment it
     * starts, which is about when it was admitted.
     */
    private static Instant deadlineOf(EstimateRepository.HeldRun run) {
        return run.deadlineAt() != null || run.since() == null ? run.deadlineAt() : run.since().plusSeconds(run.activeDeadlineSeconds());
    }
}
