package io.tasklane.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tasklane.capacity.AllocationRepository;
import io.tasklane.capacity.ClusterLock;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.common.ClusterName;
import io.tasklane.common.NotFoundException;
import io.tasklane.common.RunId;
import io.tasklane.queue.Admission.Admitted;
import io.tasklane.usage.ClusterQuotas;
import io.tasklane.usage.Quotas;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admits waiting runs of a cluster. Runs when a run is queued and whenever a {@link DispatchRequested}
 * or {@link io.tasklane.capacity.CapacityChanged} says the queue or the free GPUs changed. Holds the cluster's row lock for the whole pass, so passes of one cluster (in any
 * Tasklane instance sharing the database) run one at a time and never hand out a slot twice.
 */
@Component
public class Dispatcher {

    private final QueueRepository queue;
    private final WaitingGrows grows;
    private final AllocationRepository allocations;
    private final ClusterLock clusterLock;
    private final ClusterService clusters;
    private final Quotas quotas;
    private final MeterRegistry meters;
    private final Timer passTime;
    private final QuotaNotes quotaNotes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Dispatcher(QueueRepository queue, WaitingGrows grows, AllocationRepository allocations, ClusterLock clusterLock, ClusterService clusters,
               Quotas quotas, QuotaNotes quotaNotes, ApplicationEventPublisher events, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.passTime = Timer.builder("tasklane.dispatch.pass").description("Dispatch passes that took the cluster's lock")
                .publishPercentileHistogram().register(meters);
        this.quotas = quotas;
        this.quotaNotes = quotaNotes;
        this.queue = queue;
        this.grows = grows;
        this.allocations = allocations;
        this.clusterLock = clusterLock;
        this.clusters = clusters;
        this.events = events;
        this.clock = clock;
    }

    /**
     * One dispatch pass over {@code cluster}: reserves GPUs for every run the admission policy lets
     * start, and returns their ids. They are published as one {@link RunsAdmitted} (and {@link GrowsGranted}).
     */
    @Transactional
    public List<RunId> dispatch(ClusterName cluster) {
        // 1. Serialize with every other pass over this cluster, unless there is nothing to hand out.
        Optional<VirtualCluster> definition = withFreeSlots(cluster);
        if (definition.isEmpty() || !clusterLock.hold(cluster)) {
            return List.of();
        }
        return pass(definition.get(), null);
    }

    /**
     * A dispatch pass if no other pass over the cluster is under way, else nothing at all (empty): a
     * start then leaves its run to the pass that follows, instead of waiting for the lock. {@code starting}
     * is the run whose start runs the pass: if admitted, it goes on in the caller's transaction and is not
     * published.
     */
    @Transactional
    public Optional<List<RunId>> tryDispatch(ClusterName cluster, RunId starting) {
        Optional<VirtualCluster> definition = withFreeSlots(cluster);
        if (definition.isEmpty() || !clusterLock.tryHold(cluster)) {
            return Optional.empty();
        }
        return Optional.of(pass(definition.get(), starting));
    }

    /**
     * The cluster, if some slot of it is free, read without the lock. A full cluster admits nobody, and
     * what is committed already is what this read sees: only a release committed later can free a slot,
     * and every release (and every change of the cluster's nodes) asks for a pass of its own. So a
     * full cluster is skipped without taking its lock, which every start on a busy cluster would
     * otherwise hold until its own commit, making the pass that matters wait.
     */
    private Optional<VirtualCluster> withFreeSlots(ClusterName cluster) {
        VirtualCluster definition;
        try {
            definition = clusters.find(cluster);
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
        return isFull(clusters.snapshot(definition, allocations.takenSlots(cluster))) ? Optional.empty() : Optional.of(definition);
    }

    private static boolean isFull(List<NodeSnapshot> nodes) {
        return nodes.stream().allMatch(node -> node.free() == 0);
    }

    private List<RunId> pass(VirtualCluster definition, RunId starting) {
        Timer.Sample sample = Timer.start(meters);
        try {
            return timedPass(definition, starting);
        } finally {
            sample.stop(passTime);
        }
    }

    private List<RunId> timedPass(VirtualCluster definition, RunId starting) {
        // 2. Snapshot what is free now that the lock is held.
        ClusterName cluster = new ClusterName(definition.name());
        Map<String, Set<Integer>> taken = allocations.takenSlots(cluster);
        List<NodeSnapshot> free = clusters.snapshot(definition, taken);
        if (isFull(free)) {
            return List.of(); // filled by another pass meanwhile
        }
        // 3. Decide, in queue order, who starts; say why runs held back by their project's quota wait.
        ClusterQuotas clusterQuotas = quotas.onCluster(cluster);
        Admission admission = admit(cluster, free, definition.queuePolicy(), clusterQuotas);
        List<Admitted> admitted = admission.admitted();
        quotaNotes.record(cluster, admission, !clusterQuotas.limits().isEmpty(), clock.instant());
        if (admitted.isEmpty()) {
            return List.of();
        }
        // 4. Mark them admitted, then reserve their GPUs; the rest stays queued. A run stopped since step 3 read
        // it is neither (its stop waited only for its row); what it would have held is left to the next pass.
        Instant now = clock.instant();
        List<RunId> candidates = admitted.stream().filter(a -> !a.entry().isGrow()).map(a -> a.entry().runId()).toList();
        List<RunId> growing = admitted.stream().filter(a -> a.entry().isGrow()).map(a -> a.entry().runId()).toList();
        Set<RunId> startedNow = queue.markAdmitted(candidates, now);
        Set<RunId> grownNow = grows.markGranted(growing, now);
        List<RunId> started = candidates.stream().filter(startedNow::contains).toList();
        List<RunId> grown = growing.stream().filter(grownNow::contains).toList();
        Map<RunId, List<io.tasklane.capacity.ReplicaPlacement>> placements = new java.util.LinkedHashMap<>();
        admitted.stream().filter(run -> startedNow.contains(run.entry().runId()) || grownNow.contains(run.entry().runId()))
                .forEach(run -> placements.put(run.entry().runId(), numbered(run)));
        allocations.reserve(cluster, placements, definition.sku().gpus(), now);
        List<RunId> ids = List.copyOf(placements.keySet());
        countAdmissions(cluster, admitted.stream().filter(a -> startedNow.contains(a.entry().runId())).toList(), now);
        if (started.size() < candidates.size() || grown.size() < growing.size()) {
            events.publishEvent(new DispatchRequested(cluster));
        }
        List<RunId> toTell = started.stream().filter(id -> !id.equals(starting)).toList();
        if (!toTell.isEmpty()) {
            events.publishEvent(new RunsAdmitted(toTell));
        }
        if (!grown.isEmpty()) {
            events.publishEvent(new GrowsGranted(grown));
        }
        return ids;
    }

    /**
     * Walks the queue in order: the pinned run, then the others merged with grows, read from the database
     * only as far as something could still be admitted.
     */
    private Admission admit(ClusterName cluster, List<NodeSnapshot> free, QueuePolicy policy, ClusterQuotas clusterQuotas) {
        Admission admission = new Admission(free, policy, clusterQuotas);
        List<QueueEntry> pinned = queue.pinned(cluster);
        pinned.forEach(admission::offer);
        if (!admission.wantsMore()) {
            return admission;
        }
        Set<RunId> pinnedIds = pinned.stream().map(QueueEntry::runId).collect(java.util.stream.Collectors.toSet());
        List<QueueEntry> growing = grows.waiting(cluster).stream().sorted(QueueOrder.ORDER).toList();
        try (var rest = queue.inOrderIgnoringPins(cluster, free.stream().mapToInt(NodeSnapshot::free).sum())) {
            Iterator<QueueEntry> next = Merged.inOrder(rest.filter(e -> !pinnedIds.contains(e.runId())).iterator(),
                    growing.iterator(), QueueOrder.ORDER);
            while (next.hasNext() && admission.offer(next.next())) {
                // offer says when nothing behind can start any more
            }
        }
        return admission;
    }

    /** Admissions per cluster, and how long each admitted run waited (grows are not runs: not counted). */
    private void countAdmissions(ClusterName cluster, List<Admitted> started, Instant now) {
        if (started.isEmpty()) {
            return;
        }
        Counter.builder("tasklane.admissions").description("Runs admitted (given GPUs)").tag("cluster", cluster.value()).register(meters)
                .increment(started.size());
        Timer waits = Timer.builder("tasklane.queue.wait").description("How long admitted runs waited in the queue")
                .tag("cluster", cluster.value()).publishPercentileHistogram().register(meters);
        started.forEach(run -> waits.record(java.time.Duration.between(run.entry().queuedAt(), now)));
    }

    /** A grow's added replicas are numbered after those the run already has. */
    private static List<io.tasklane.capacity.ReplicaPlacement> numbered(Admitted run) {
        int first = run.entry().firstReplica();
        return run.placements().stream().map(p -> new io.tasklane.capacity.ReplicaPlacement(first + p.replicaIndex(), p.node(), p.slots())).toList();
    }

    /** Clusters that have runs (or grows) waiting: recovery asks for a pass over each after a start. */
    public List<ClusterName> clustersWithWaitingRuns() {
        return java.util.stream.Stream.concat(queue.clustersWithWaitingRuns().stream(), grows.clustersWithGrows().stream())
                .distinct().toList();
    }
}
