package io.tasklane.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

import io.tasklane.capacity.ClusterNode;
import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.SlotPool;
import io.tasklane.common.RunId;
import io.tasklane.queue.StartEstimate.Unknown;
import io.tasklane.usage.ClusterQuotas;

/**
 * When each queued run of a cluster is expected to start, as a pure function of the cluster now: replays the
 * dispatcher into the future. Holders give their slots back in the order of their expected ends ({@link RunEnd});
 * after each release the queue is offered to {@link Admission} on what is free, exactly as a dispatch pass would
 * (gang placement, pins, strict FIFO, quotas), and the runs it admits hold their slots until their own expected end.
 * A run's expected start is the time of the pass that admits it. Force-starts, stops and new arrivals are not foreseen.
 */
public final class StartEstimator {

    /** Queue places estimated at most: beyond, the replay costs more than an estimate that far out is worth. */
    public static final int MAX_ESTIMATED = 500;

    /** A run holding slots: per node, which; and when it is expected to end (empty: nothing bounds it). */
    public record Holder(RunId runId, String project, Map<String, Set<Integer>> slotsByNode, Optional<RunEnd> end) {
    }

    /** A queued run, in queue order, with how long it is expected to hold its GPUs once admitted (empty: unbounded). */
    public record Waiting(QueueEntry entry, Optional<RunEnd.Expected> holds) {
    }

    /** The cluster: its nodes, queue policy and quotas (max SKUs per project). */
    public record Cluster(String name, List<ClusterNode> nodes, QueuePolicy policy, Map<String, Integer> quotaLimits) {
    }

    private final Cluster cluster;
    /** Holders with an expected end, the earliest first. */
    private final PriorityQueue<Holder> ending = new PriorityQueue<>(Comparator.comparing((Holder h) -> h.end().get().at()));
    private int unbounded;
    /** Kept as holders come and go, so a step of the replay costs what changed, not the whole cluster. */
    private final Map<String, Set<Integer>> taken = new HashMap<>();
    private final Map<String, Integer> heldByProject = new HashMap<>();
    private final Map<RunId, StartEstimate> estimates = new LinkedHashMap<>();
    /** Per gang shape, whether it fits the cluster with every node free (queues repeat a few shapes). */
    private final Map<List<io.tasklane.capacity.ReplicaGroup>, Boolean> fitsEmptyCluster = new HashMap<>();
    private int deadlineEnds;
    private int historyEnds;

    private StartEstimator(Cluster cluster, List<Holder> holders) {
        this.cluster = cluster;
        holders.forEach(this::hold);
    }

    /** The expected start of every run of {@code queue} (in queue order), by run id. */
    public static Map<RunId, StartEstimate> estimate(Cluster cluster, List<Holder> holders, List<Waiting> queue, Instant now) {
        StartEstimator replay = new StartEstimator(cluster, holders);
        List<Waiting> waiting = new ArrayList<>(queue.subList(0, Math.min(queue.size(), MAX_ESTIMATED)));
        replay.run(waiting, now);
        waiting.forEach(w -> replay.estimates.put(w.entry().runId(), StartEstimate.unknown(replay.whyUnknown(w.entry()))));
        queue.stream().skip(MAX_ESTIMATED).forEach(w -> replay.estimates.put(w.entry().runId(), StartEstimate.unknown(Unknown.TOO_FAR_BACK)));
        return replay.estimates;
    }

    /** Admits what fits at each expected release until the queue is empty or nothing bounded holds any more. */
    private void run(List<Waiting> waiting, Instant now) {
        Instant at = now;
        while (true) {
            admitAt(at, waiting);
            if (waiting.isEmpty() || ending.isEmpty()) {
                return;
            }
            Instant next = ending.peek().end().get().at();
            at = next.isAfter(at) ? next : at;
            releaseUntil(at);
        }
    }

    private void admitAt(Instant at, List<Waiting> waiting) {
        Admission admission = new Admission(free(), cluster.policy(),
                new ClusterQuotas(cluster.name(), cluster.quotaLimits(), heldByProject));
        Map<RunId, Waiting> byRun = new HashMap<>();
        for (Waiting w : waiting) {
            byRun.put(w.entry().runId(), w);
            if (!admission.offer(w.entry())) {
                break;
            }
        }
        for (Admission.Admitted admitted : admission.admitted()) {
            Waiting w = byRun.get(admitted.entry().runId());
            waiting.remove(w);
            estimates.put(w.entry().runId(), StartEstimate.at(at, deadlineEnds, historyEnds));
            Map<String, Set<Integer>> slots = new HashMap<>();
            admitted.placements().forEach(p -> slots.computeIfAbsent(p.node(), n -> new HashSet<>()).addAll(p.slots()));
            hold(new Holder(w.entry().runId(), w.entry().project(), slots, w.holds().map(h -> h.from(at))));
        }
    }

    private void hold(Holder holder) {
        if (holder.end().isPresent()) {
            ending.add(holder);
        } else {
            unbounded++;
        }
        holder.slotsByNode().forEach((node, slots) -> taken.computeIfAbsent(node, n -> new HashSet<>()).addAll(slots));
        if (holder.project() != null) {
            heldByProject.merge(holder.project(), skus(holder), Integer::sum);
        }
    }

    private void releaseUntil(Instant at) {
        while (!ending.isEmpty() && !ending.peek().end().get().at().isAfter(at)) {
            Holder holder = ending.poll();
            if (holder.end().get().fromHistory()) {
                historyEnds++;
            } else {
                deadlineEnds++;
            }
            holder.slotsByNode().forEach((node, slots) -> taken.get(node).removeAll(slots));
            if (holder.project() != null) {
                heldByProject.merge(holder.project(), -skus(holder), Integer::sum);
            }
        }
    }

    private static int skus(Holder holder) {
        return holder.slotsByNode().values().stream().mapToInt(Set::size).sum();
    }

    /** The schedulable nodes with a slot free: a full node can take nothing, so it is not snapshot at all. */
    private List<NodeSnapshot> free() {
        List<NodeSnapshot> free = new ArrayList<>();
        for (ClusterNode node : cluster.nodes()) {
            Set<Integer> held = taken.getOrDefault(node.name(), Set.of());
            if (node.schedulable() && held.size() < node.capacitySkus()) {
                free.add(NodeSnapshot.of(node.name(), node.capacitySkus(), held));
            }
        }
        return free;
    }

    /** Why a run the replay never admitted cannot be given a time, the most basic cause first. */
    private Unknown whyUnknown(QueueEntry entry) {
        if (!fitsEmptyCluster.computeIfAbsent(entry.groups(), groups -> new SlotPool(cluster.nodes().stream()
                .filter(ClusterNode::schedulable).map(n -> NodeSnapshot.of(n.name(), n.capacitySkus(), Set.of())).toList())
                .take(groups, 0).isPresent())) {
            return Unknown.NEVER_FITS;
        }
        Integer quota = entry.project() == null ? null : cluster.quotaLimits().get(entry.project());
        if (!entry.pinned() && quota != null && entry.skus() > quota) {
            return Unknown.QUOTA;
        }
        return unbounded > 0 ? Unknown.UNBOUNDED_HOLDER : Unknown.BLOCKED_AHEAD;
    }
}
