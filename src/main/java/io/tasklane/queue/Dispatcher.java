package io.tasklane.queue;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tasklane.capacity.AllocationRepository;
import io.tasklane.capacity.ClusterService;
import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.VirtualCluster;
import io.tasklane.queue.Admission.Admitted;
import io.tasklane.task.AfterCommit;
import io.tasklane.task.RunProgressListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admits waiting runs of a cluster. Runs when a run is queued, when GPUs are released, and on a
 * periodic sweep. Holds the cluster's row lock for the whole pass, so passes of one cluster (in any
 * Tasklane instance sharing the database) run one at a time and never hand out a slot twice.
 */
@Component
public class Dispatcher {

    private final QueueRepository queue;
    private final GrowRequests grows;
    private final AllocationRepository allocations;
    private final ClusterService clusters;
    private final List<RunProgressListener> listeners;
    private final List<GrowSettledListener> growListeners;
    private final Clock clock;

    Dispatcher(QueueRepository queue, GrowRequests grows, AllocationRepository allocations, ClusterService clusters,
               @Lazy List<RunProgressListener> listeners, @Lazy List<GrowSettledListener> growListeners, Clock clock) {
        this.queue = queue;
        this.grows = grows;
        this.allocations = allocations;
        this.clusters = clusters;
        this.listeners = listeners;
        this.growListeners = growListeners;
        this.clock = clock;
    }

    /**
     * One dispatch pass over {@code cluster}: reserves GPUs for every run the admission policy lets
     * start, and returns their ids. Their processes are told after the transaction commits.
     */
    @Transactional
    public List<String> dispatch(String cluster) {
        // 1. Serialize with every other pass over this cluster.
        if (!allocations.lockCluster(cluster)) {
            return List.of();
        }
        return pass(cluster);
    }

    /**
     * A dispatch pass if no other pass over the cluster is under way, else nothing at all (empty): a
     * start then leaves its run to the pass that follows, instead of waiting for the lock.
     */
    @Transactional
    public java.util.Optional<List<String>> tryDispatch(String cluster) {
        return allocations.tryLockCluster(cluster) ? java.util.Optional.of(pass(cluster)) : java.util.Optional.empty();
    }

    private List<String> pass(String cluster) {
        // 2. Snapshot what is free, and take the waiting runs.
        VirtualCluster definition = clusters.find(cluster);
        Map<String, Set<Integer>> taken = allocations.takenSlots(cluster);
        List<NodeSnapshot> free = clusters.snapshot(definition, taken);
        if (free.stream().allMatch(node -> node.free() == 0)) {
            // A full cluster admits nobody: skip reading its queue, which may be long (every start on a busy
            // cluster asks for a pass, and the release that frees a slot asks for the one that matters).
            return List.of();
        }
        List<QueueEntry> waiting = new java.util.ArrayList<>(queue.waiting(cluster));
        waiting.addAll(grows.waiting(cluster));
        if (waiting.isEmpty()) {
            return List.of();
        }
        // 3. Decide, in queue order, who starts.
        List<Admitted> admitted = Admission.admit(waiting, free, definition.queuePolicy());
        // 4. Reserve their GPUs; the rest stays queued.
        Map<String, List<io.tasklane.capacity.ReplicaPlacement>> placements = new java.util.LinkedHashMap<>();
        admitted.forEach(run -> placements.put(run.entry().runId(), numbered(run)));
        allocations.reserve(cluster, placements, definition.sku().gpus());
        List<String> ids = List.copyOf(placements.keySet());
        List<String> started = admitted.stream().filter(a -> !a.entry().isGrow()).map(a -> a.entry().runId()).toList();
        List<String> grown = admitted.stream().filter(a -> a.entry().isGrow()).map(a -> a.entry().runId()).toList();
        queue.markAdmitted(started, clock.instant());
        grows.markGranted(grown, clock.instant());
        AfterCommit.run(() -> {
            started.forEach(id -> listeners.forEach(l -> l.runChanged(id)));
            grown.forEach(id -> growListeners.forEach(l -> l.growSettled(id)));
        });
        return ids;
    }

    /** A grow's added replicas are numbered after those the run already has. */
    private static List<io.tasklane.capacity.ReplicaPlacement> numbered(Admitted run) {
        int first = run.entry().firstReplica();
        return run.placements().stream().map(p -> new io.tasklane.capacity.ReplicaPlacement(first + p.replicaIndex(), p.node(), p.slots())).toList();
    }

    /** Clusters that have runs (or grows) waiting, for the periodic sweep. */
    public List<String> clustersWithWaitingRuns() {
        return java.util.stream.Stream.concat(queue.clustersWithWaitingRuns().stream(), grows.clustersWithGrows().stream())
                .distinct().toList();
    }
}
