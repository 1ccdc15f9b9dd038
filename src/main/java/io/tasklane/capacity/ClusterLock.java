package io.tasklane.capacity;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RowLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cluster lock: the database row lock on one virtual cluster, held until the transaction that took it
 * ends. It is how several Tasklane instances on one PostgreSQL agree on who holds which GPUs.
 *
 * <p><b>Who takes it:</b> a dispatch pass, before it reads the free slots and admits runs or grows
 * ({@code Dispatcher}); a pin, before it checks that the queue has no pinned task ({@code PinService}); a
 * force-start, before it checks that none is open on the cluster and before it plans and kills
 * ({@code ForceStartService}); a resize, before it changes a run's size or queues its grow ({@code RunResizer}).
 *
 * <p><b>What it protects:</b> the cluster's allocation rows (which slots of which node each run holds, so no
 * slot is handed out twice and no node over its capacity), the decision to admit a run ({@code admitted_at}),
 * the one pinned task of the queue, and the one open force-start of the cluster.
 *
 * <p><b>Lock order: task → cluster → run.</b> A transaction that locks a task's row (start, stop, pin,
 * force-start) takes it before the cluster's, and the cluster's before a run's row; never the other way
 * round, or two transactions can wait for each other for ever.
 */
@Component
public class ClusterLock {

    private final JdbcClient jdbc;
    private final RowLocks locks;

    ClusterLock(JdbcClient jdbc, RowLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    /** Takes the cluster's lock, waiting for whoever holds it; false if there is no such cluster. */
    public boolean hold(ClusterName cluster) {
        return !jdbc.sql("select name from tasklane.virtual_cluster where name = ? " + locks.forUpdate()).param(cluster.value())
                .query(String.class).list().isEmpty();
    }

    /**
     * Takes the cluster's lock if no one else holds it; false at once if someone does (or there is no such
     * cluster). Lets a start skip an inline dispatch pass instead of queueing behind another one.
     */
    public boolean tryHold(ClusterName cluster) {
        return !jdbc.sql("select name from tasklane.virtual_cluster where name = ? " + locks.forUpdateSkipLocked()).param(cluster.value())
                .query(String.class).list().isEmpty();
    }
}
