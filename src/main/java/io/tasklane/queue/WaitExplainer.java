package io.tasklane.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import io.tasklane.usage.Quotas;
import io.tasklane.capacity.AllocationRepository;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.ClusterName;
import io.tasklane.security.Caller;
import io.tasklane.task.Task;
import io.tasklane.task.TaskState;
import org.springframework.stereotype.Service;

/**
 * "Why is it waiting": gathers a queued task's place, its cluster's free slots and the caller's other clusters, and
 * asks {@link WaitReasons} what holds the task back and what would start it sooner.
 */
@Service
public class WaitExplainer {

    private final QueueService queues;
    private final ClusterService clusters;
    private final AllocationRepository allocations;
    private final Quotas quotas;
    private final StartEstimates estimates;
    private final Clock clock;

    WaitExplainer(QueueService queues, ClusterService clusters, AllocationRepository allocations, Quotas quotas,
                  StartEstimates estimates, Clock clock) {
        this.queues = queues;
        this.estimates = estimates;
        this.quotas = quotas;
        this.clusters = clusters;
        this.allocations = allocations;
        this.clock = clock;
    }

    /**
     * Why {@code task} (one {@code caller} may see) waits now. {@code nextFire} is when its schedule starts it next,
     * if it has an active one: the schedule module sits above this one, so the caller asks it.
     */
    public WaitExplanation explain(Caller caller, Task task, Optional<ZonedDateTime> nextFire) {
        if (task.state() != TaskState.QUEUED || task.currentRunId() == null) {
            return new WaitExplanation(null, 0, null, WaitReasons.notQueued(nextFire), List.of(), null);
        }
        ClusterName name = task.cluster();
        List<QueueLine> lines = queues.lines(caller, name);
        Optional<QueueLine> own = QueueLine.ofTask(lines, task.id());
        if (own.isEmpty()) {
            // Queued but admitted: a dispatch pass gave it its GPUs and it is about to start.
            return new WaitExplanation(null, lines.size(), null, List.of(WaitReason.of(WaitReason.Kind.FITS_NOW)), List.of(),
                    StartEstimate.at(clock.instant(), 0, 0));
        }
        QueueLine line = own.get();
        VirtualCluster cluster = clusters.find(name);
        WaitReasons.Situation situation = new WaitReasons.Situation(line.entry(), lines.subList(0, line.position() - 1),
                cluster.queuePolicy(), cluster.sku().gpus(), cluster.totalSkus(), cluster.largestNodeSkus(),
                clusters.snapshot(cluster, allocations.takenSlots(name)), others(caller, cluster), quotas.onCluster(name));
        return new WaitExplanation(line.position(), lines.size(), Duration.between(line.entry().queuedAt(), clock.instant()),
                WaitReasons.reasons(situation), WaitReasons.sooner(situation),
                estimates.of(name, line.entry().runId()).orElse(null));
    }

    /** The caller's other clusters, those of the same GPU type first: the likeliest to run the task unchanged. */
    private List<WaitReasons.OtherCluster> others(Caller caller, VirtualCluster own) {
        return clusters.visibleTo(caller).stream()
                .filter(cluster -> !cluster.name().equals(own.name()))
                .sorted(java.util.Comparator.comparing((VirtualCluster cluster) -> !cluster.gpuType().equals(own.gpuType()))
                        .thenComparing(VirtualCluster::name))
                .map(cluster -> {
                    ClusterName name = new ClusterName(cluster.name());
                    return new WaitReasons.OtherCluster(cluster.name(), cluster.gpuType(), cluster.sku().gpus(),
                            clusters.snapshot(cluster, allocations.takenSlots(name)), queues.lines(name).size());
                })
                .toList();
    }
}
