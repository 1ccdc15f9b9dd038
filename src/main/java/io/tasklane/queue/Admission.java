package io.tasklane.queue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.ReplicaPlacement;
import io.tasklane.capacity.SlotPool;
import io.tasklane.common.RunId;
import io.tasklane.usage.ClusterQuotas;

/**
 * Which queued runs start now, as a pure function of the queue and the free slots. Walks the queue in
 * order and admits every run whose replicas all fit (gang). When one does not fit:
 * <ul>
 *   <li>a pinned run keeps every free slot for itself: nothing behind it is admitted on this cluster
 *       (it needs whatever frees up next);</li>
 *   <li>under STRICT_FIFO nothing behind it is admitted either;</li>
 *   <li>under BEST_EFFORT_FIFO smaller runs behind it may start.</li>
 * </ul>
 * A run whose project would hold more than its quota on the cluster waits, with the reason, and blocks no
 * other project: it is passed over as if it were not in the queue. Under STRICT_FIFO it blocks the later runs
 * of its own project (the order holds within the project). A pinned run is exempt: the pin is an admin's
 * decision, and so is the force-start that makes room for it; it is admitted over the quota and said so
 * ({@link #overQuota}).
 * The walk is incremental ({@link #offer}) so a dispatch pass can read a long queue from the database
 * only as far as it matters: once every slot is taken, or the head blocks, the rest cannot start.
 */
public final class Admission {

    /** A run to start, and where its replicas go. */
    public record Admitted(QueueEntry entry, List<ReplicaPlacement> placements) {
    }

    private final SlotPool free;
    private final QueuePolicy policy;
    private final ClusterQuotas.Ledger quotas;
    private final List<Admitted> admitted = new ArrayList<>();
    /** Runs held back by their project's quota, and why. */
    private final Map<RunId, String> quotaWaits = new LinkedHashMap<>();
    /** Pinned runs admitted although their project is at its quota, and by how much. */
    private final Map<Admitted, String> overQuota = new LinkedHashMap<>();
    /** Projects whose earlier run waits for the quota (STRICT_FIFO keeps their later runs behind it). */
    private final Set<String> projectsWaiting = new HashSet<>();
    private int totalFree;
    private boolean blocked;

    public Admission(List<NodeSnapshot> nodes, QueuePolicy policy) {
        this(nodes, policy, ClusterQuotas.none(""));
    }

    public Admission(List<NodeSnapshot> nodes, QueuePolicy policy, ClusterQuotas quotas) {
        this.free = new SlotPool(nodes);
        this.policy = policy;
        this.quotas = quotas.ledger();
        this.totalFree = nodes.stream().mapToInt(NodeSnapshot::free).sum();
    }

    /** Admits the whole queue at once (sorted here): what a pass over these entries starts. */
    public static List<Admitted> admit(List<QueueEntry> queue, List<NodeSnapshot> nodes, QueuePolicy policy) {
        return admit(queue, nodes, policy, ClusterQuotas.none(""));
    }

    /** The same, with the cluster's quotas. */
    public static List<Admitted> admit(List<QueueEntry> queue, List<NodeSnapshot> nodes, QueuePolicy policy, ClusterQuotas quotas) {
        return run(queue, nodes, policy, quotas).admitted();
    }

    /** The whole walk, for what it admitted and what it held back. */
    static Admission run(List<QueueEntry> queue, List<NodeSnapshot> nodes, QueuePolicy policy, ClusterQuotas quotas) {
        Admission admission = new Admission(nodes, policy, quotas);
        for (QueueEntry entry : queue.stream().sorted(QueueOrder.ORDER).toList()) {
            if (!admission.offer(entry)) {
                break;
            }
        }
        return admission;
    }

    /**
     * Considers the next entry in queue order; false once no entry after it can be admitted (nothing is
     * free any more, or a pinned or strict-FIFO head that does not fit blocks the rest).
     */
    public boolean offer(QueueEntry entry) {
        if (!wantsMore()) {
            return false;
        }
        Optional<String> overItsQuota = quotas.refusal(entry.project(), entry.skus());
        if (!entry.pinned() && (overItsQuota.isPresent() || waitsBehindItsProject(entry))) {
            quotaWaits.put(entry.runId(), overItsQuota.orElseGet(() -> "QuotaExceeded: an earlier run of project " + entry.project()
                    + " waits for the project's quota, and this queue is first in, first out"));
            if (policy == QueuePolicy.STRICT_FIFO) {
                projectsWaiting.add(entry.project());
            }
            return wantsMore();
        }
        // Cheap checks first: on a full cluster most of a long queue is rejected without placing.
        boolean mayFit = entry.skus() <= totalFree && entry.skuPerReplica() <= free.largestFree();
        Optional<List<ReplicaPlacement>> placement = mayFit ? free.take(entry.groups(), 0) : Optional.empty();
        if (placement.isPresent()) {
            Admitted run = new Admitted(entry, placement.get());
            admitted.add(run);
            overItsQuota.ifPresent(why -> overQuota.put(run, why));
            quotas.admit(entry.project(), entry.skus());
            totalFree -= entry.skus();
        } else if (entry.pinned() || policy == QueuePolicy.STRICT_FIFO) {
            blocked = true;
        }
        return wantsMore();
    }

    /** Whether an entry after those offered so far could still be admitted. */
    public boolean wantsMore() {
        return !blocked && totalFree > 0;
    }

    public List<Admitted> admitted() {
        return List.copyOf(admitted);
    }

    /** The runs offered so far that wait for their project's quota, with the reason to show. */
    public Map<RunId, String> quotaWaits() {
        return Map.copyOf(quotaWaits);
    }

    /** Pinned runs admitted over their project's quota, with what the quota said. */
    public Map<Admitted, String> overQuota() {
        return Map.copyOf(overQuota);
    }

    private boolean waitsBehindItsProject(QueueEntry entry) {
        return entry.project() != null && projectsWaiting.contains(entry.project());
    }
}
