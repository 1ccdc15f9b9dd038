package io.tasklane.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.ClusterName;
import io.tasklane.preemption.ForceStart;
import io.tasklane.queue.HoldingRun;
import io.tasklane.queue.QueueLine;
import io.tasklane.queue.QueueService;
import io.tasklane.queue.StartEstimate;
import io.tasklane.queue.StartEstimates;
import io.tasklane.common.RunId;
import io.tasklane.security.Caller;
import io.tasklane.task.TaskState;
import io.tasklane.usage.Quotas;
import org.springframework.stereotype.Component;

/**
 * Reads what the Queue page shows of each cluster the caller may use: the runs holding its GPUs, the runs waiting in
 * admission order, and (admins) the force-start under way with its plan. Which admin actions a row offers follows the
 * services' rules; the services check again when one is used.
 */
@Component
class QueueBoard {

    private final ClusterService clusters;
    private final QueueService queues;
    private final QueueAdminActions adminActions;
    private final StartEstimates estimates;
    private final EstimateWords words;
    private final Quotas quotas;
    private final Clock clock;
    private final GpuTypeWords gpuTypes;

    QueueBoard(ClusterService clusters, QueueService queues, QueueAdminActions adminActions, StartEstimates estimates,
               EstimateWords words, Quotas quotas, Clock clock, GpuTypeWords gpuTypes) {
        this.clusters = clusters;
        this.queues = queues;
        this.adminActions = adminActions;
        this.estimates = estimates;
        this.words = words;
        this.quotas = quotas;
        this.clock = clock;
        this.gpuTypes = gpuTypes;
    }

    /** Every cluster the caller may use, by name; or only {@code only} (404 if it is not theirs). */
    List<ClusterQueueView> read(Caller caller, Optional<String> only) {
        List<VirtualCluster> shown = only.map(name -> List.of(clusters.get(caller, new ClusterName(name))))
                .orElseGet(() -> clusters.visibleTo(caller).stream().sorted(Comparator.comparing(VirtualCluster::name)).toList());
        return shown.stream().map(cluster -> view(caller, cluster)).toList();
    }

    private ClusterQueueView view(Caller caller, VirtualCluster cluster) {
        ClusterName name = new ClusterName(cluster.name());
        int gpusPerSku = cluster.sku().gpus();
        List<QueueLine> lines = queues.lines(caller, name);
        QueueAdminActions.ClusterQueue queue = adminActions.of(caller, name);
        List<RunningLine> running = queues.holding(caller, name).stream().map(run -> running(run, gpusPerSku)).toList();
        Map<RunId, StartEstimate> expected = lines.isEmpty() ? Map.of() : estimates.onCluster(name);
        List<WaitingLine> waiting = lines.stream()
                .map(line -> waiting(caller, line, gpusPerSku, queue, expected.get(line.entry().runId()))).toList();
        return new ClusterQueueView(cluster.name(), gpuTypes.of(cluster), gpusPerSku, clusters.freeSkus(cluster), cluster.totalSkus(),
                cluster.queuePolicy().name(), QuotaBar.of(quotas.ofCluster(caller, name)), running, waiting,
                queue.forceStart().map(QueueBoard::forceStartLine).orElse(null));
    }

    private static RunningLine running(HoldingRun run, int gpusPerSku) {
        return new RunningLine(run.taskId().value(), run.taskName(), run.project(), run.owner(), run.state(), run.skus(),
                run.skus() * gpusPerSku, String.join(", ", run.nodes()), ConsoleTimes.utc(run.since()));
    }

    private WaitingLine waiting(Caller caller, QueueLine line, int gpusPerSku, QueueAdminActions.ClusterQueue queue,
                                StartEstimate expected) {
        var entry = line.entry();
        QueueAdminActions.Offered offered = QueueAdminActions.offered(caller, !entry.isGrow(), entry.pinned(), queue);
        return new WaitingLine(line.position(), entry.taskId().value(), line.taskName(), line.project(), line.owner(), entry.pinned(),
                entry.isGrow(), entry.replicas(), entry.skuPerReplica(), entry.skus() * gpusPerSku,
                waited(Duration.between(entry.queuedAt(), clock.instant())),
                words.said(expected), offered.pin(), offered.unpin(), offered.forceStart());
    }

    /** A force-start and its plan as the Queue page shows it (and the Tasks and Task pages, after a force-start there). */
    static ForceStartLine forceStartLine(ForceStart start) {
        List<VictimLine> victims = start.victims().stream()
                .map(v -> new VictimLine(v.taskId().value(), v.taskName(), v.owner(), v.project(), v.gpus(), String.join(", ", v.nodes()),
                        v.priority()))
                .toList();
        return new ForceStartLine(start.id().value(), start.taskId().value(), start.state(), StoredTexts.FORCE_START_OUTCOMES.read(start.outcome()),
                start.requestedBy(), victims, start.state() == ForceStart.State.AWAITING_CONFIRMATION);
    }

    /** A wait written as hours, minutes and seconds ({@code 1:05:09}), the same in every language. */
    static String waited(Duration waited) {
        long seconds = Math.max(0, waited.toSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** One cluster's queue. */
    public record ClusterQueueView(String name, String gpuType, int gpusPerSku, int freeSkus, int totalSkus, String policy,
                                   List<QuotaBar> quotas, List<RunningLine> running, List<WaitingLine> waiting, ForceStartLine forceStart) {
    }

    /** A run holding GPUs; task, project and owner are null for another project's run. */
    public record RunningLine(String taskId, String taskName, String project, String owner, TaskState state, int skus, int gpus,
                              String nodes, String since) {
    }

    /**
     * A waiting run with its expected start in words (null for a grow) and the admin actions it offers; a grow is a
     * running task's added replicas.
     */
    public record WaitingLine(int position, String taskId, String taskName, String project, String owner, boolean pinned,
                              boolean grow, int replicas, int skuPerReplica, int gpus, String waited, WhyWaitingPanel.Said expected,
                              boolean pin, boolean unpin, boolean forceStart) {
    }

    /** The force-start under way on the cluster and its plan. */
    public record ForceStartLine(String id, String taskId, ForceStart.State state, StoredText outcome, String requestedBy,
                                 List<VictimLine> victims, boolean awaitingConfirmation) {
    }

    /** A run the plan kills, and whose it is. */
    public record VictimLine(String taskId, String taskName, String owner, String project, int gpus, String nodes, int priority) {
    }
}
