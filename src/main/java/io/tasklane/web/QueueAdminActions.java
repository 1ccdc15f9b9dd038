package io.tasklane.web;

import java.util.Optional;

import io.tasklane.common.ClusterName;
import io.tasklane.preemption.ForceStart;
import io.tasklane.preemption.ForceStartService;
import io.tasklane.queue.PinService;
import io.tasklane.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Which admin actions a waiting task offers: one rule for the Queue and Tasks pages, so a button one page hides the
 * other hides too. The pages only hide what the services would refuse; the services check again when one is used.
 */
@Component
class QueueAdminActions {

    private final PinService pins;
    private final ForceStartService forceStarts;

    QueueAdminActions(PinService pins, ForceStartService forceStarts) {
        this.pins = pins;
        this.forceStarts = forceStarts;
    }

    /** What the rule needs to know of a cluster's queue; read only for admins (nobody else gets these actions). */
    ClusterQueue of(Caller caller, ClusterName cluster) {
        if (!caller.isAdmin()) {
            return ClusterQueue.NOT_ADMIN;
        }
        return new ClusterQueue(pins.hasPin(cluster), forceStarts.openOn(caller, cluster));
    }

    /**
     * The rule: admins act on a waiting task (not a grow of a running one). Pin while nothing of its queue is pinned
     * (a queue holds one pin), unpin the pinned one, and force-start the pinned one unless a force-start is under way.
     */
    static Offered offered(Caller caller, boolean waitingTask, boolean pinned, ClusterQueue queue) {
        boolean admin = caller.isAdmin() && waitingTask;
        return new Offered(admin && !pinned && !queue.hasPin(), admin && pinned, admin && pinned && queue.forceStart().isEmpty());
    }

    /** Whether a task of the cluster's queue is pinned, and the force-start under way on it. */
    record ClusterQueue(boolean hasPin, Optional<ForceStart> forceStart) {

        static final ClusterQueue NOT_ADMIN = new ClusterQueue(false, Optional.empty());
    }

    /** The admin actions offered. */
    record Offered(boolean pin, boolean unpin, boolean forceStart) {
    }
}
