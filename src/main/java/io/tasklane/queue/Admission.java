package io.tasklane.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.ReplicaPlacement;
import io.tasklane.capacity.SlotPool;

/**
 * Which queued runs start now, as a pure function of the queue and the free slots. Walks the queue in
 * order and admits every run whose replicas all fit (gang). When one does not fit:
 * <ul>
 *   <li>a pinned run keeps every free slot for itself: nothing behind it is admitted on this cluster
 *       (it needs whatever frees up next);</li>
 *   <li>under STRICT_FIFO nothing behind it is admitted either;</li>
 *   <li>under BEST_EFFORT_FIFO smaller runs behind it may start.</li>
 * </ul>
 * The walk is incremental ({@link #offer}) so a dispatch pass can read a long queue from the database
 * only as far as it matters: once every slot is taken, or the head blocks, the rest cannot start.
 */
public final class Admission {

    /** A run to start, and where its replicas go. */
    public record Admitted(QueueEntry entry, List<ReplicaPlacement> placements) {
    }

    private final SlotPool free;
    private final QueuePolicy policy;
    private final List<Admitted> admitted = new ArrayList<>();
    private int totalFree;
    private boolean blocked;

    public Admission(List<NodeSnapshot> nodes, QueuePolicy policy) {
        this.free = new SlotPool(nodes);
        this.policy = policy;
        this.totalFree = nodes.stream().mapToInt(NodeSnapshot::free).sum();
    }

    /** Admits the whole queue at once (sorted here): what a pass over these entries starts. */
    public static List<Admitted> admit(List<QueueEntry> queue, List<NodeSnapshot> nodes, QueuePolicy policy) {
        Admission admission = new Admission(nodes, policy);
        for (QueueEntry entry : queue.stream().sorted(QueueOrder.ORDER).toList()) {
            if (!admission.offer(entry)) {
                break;
            }
        }
        return admission.admitted();
    }

    /**
     * Considers the next entry in queue order; false once no entry after it can be admitted (nothing is
     * free any more, or a pinned or strict-FIFO head that does not fit blocks the rest).
     */
    public boolean offer(QueueEntry entry) {
        if (!wantsMore()) {
            return false;
        }
        // Cheap checks first: on a full cluster most of a long queue is rejected without placing.
        boolean mayFit = entry.skus() <= totalFree && entry.skuPerReplica() <= free.largestFree();
        Optional<List<ReplicaPlacement>> placement = mayFit ? free.take(entry.groups(), 0) : Optional.empty();
        if (placement.isPresent()) {
            admitted.add(new Admitted(entry, placement.get()));
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
}
