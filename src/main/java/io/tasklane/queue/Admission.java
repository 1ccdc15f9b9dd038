package io.tasklane.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tasklane.capacity.NodeSnapshot;
import io.tasklane.capacity.SlotPool;
import io.tasklane.capacity.QueuePolicy;
import io.tasklane.capacity.ReplicaPlacement;

/**
 * Which queued runs start now, as a pure function of the queue and the free slots. Walks the queue in
 * order and admits every run whose replicas all fit (gang). When one does not fit:
 * <ul>
 *   <li>a pinned run keeps every free slot for itself: nothing behind it is admitted on this cluster
 *       (it needs whatever frees up next);</li>
 *   <li>under STRICT_FIFO nothing behind it is admitted either;</li>
 *   <li>under BEST_EFFORT_FIFO smaller runs behind it may start.</li>
 * </ul>
 */
public final class Admission {

    /** A run to start, and where its replicas go. */
    public record Admitted(QueueEntry entry, List<ReplicaPlacement> placements) {
    }

    private Admission() {
    }

    public static List<Admitted> admit(List<QueueEntry> queue, List<NodeSnapshot> nodes, QueuePolicy policy) {
        List<QueueEntry> ordered = queue.stream().sorted(QueueOrder.ORDER).toList();
        SlotPool free = new SlotPool(nodes);
        int totalFree = nodes.stream().mapToInt(NodeSnapshot::free).sum();
        List<Admitted> admitted = new ArrayList<>();
        for (QueueEntry entry : ordered) {
            // Cheap checks first: on a full cluster most of a long queue is rejected without placing.
            boolean mayFit = entry.skus() <= totalFree && entry.skuPerReplica() <= free.largestFree();
            Optional<List<ReplicaPlacement>> placement = mayFit ? free.take(entry.replicas(), entry.skuPerReplica()) : Optional.empty();
            if (placement.isPresent()) {
                admitted.add(new Admitted(entry, placement.get()));
                totalFree -= entry.skus();
            } else if (entry.pinned() || policy == QueuePolicy.STRICT_FIFO) {
                break;
            }
        }
        return admitted;
    }
}
