package io.tasklane.sizing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import io.tasklane.queue.QueueEntry;
import io.tasklane.queue.WaitingGrows;
import io.tasklane.task.TaskState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Grows waiting for GPUs: a starting or running run whose replica range was raised (a daily window)
 * asks for its added replicas. They queue like a run does, by the run's priority and the time the grow
 * was asked for, while the run keeps its current size. The queue's dispatch pass reads and grants them here,
 * through {@link WaitingGrows}.
 */
@Repository
public class GrowRequests implements WaitingGrows {

    private final JdbcClient jdbc;

    GrowRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<QueueEntry> waiting(ClusterName cluster) {
        return jdbc.sql("""
                select r.id, r.task_id, t.pinned, t.project, r.priority, r.grow_requested_at, r.grow_to, r.replicas, r.sku_per_replica
                from tasklane.task_run r join tasklane.task t on t.id = r.task_id
                where r.cluster = ? and r.grow_to is not null and r.grow_requested_at is not null and r.grow_to > r.replicas
                  and r.admitted_at is not null and r.state in\s""" + TaskState.sqlList(TaskState.RESIZABLE))
                .param(cluster.value())
                .query((rs, i) -> new QueueEntry(new RunId(rs.getString("id")), new TaskId(rs.getString("task_id")), rs.getBoolean("pinned"),
                        rs.getInt("priority"), rs.getObject("grow_requested_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("grow_to") - rs.getInt("replicas"), rs.getInt("sku_per_replica"), rs.getInt("replicas"), rs.getString("project")))
                .list();
    }

    @Override
    public List<ClusterName> clustersWithGrows() {
        return jdbc.sql("select distinct cluster from tasklane.task_run where grow_requested_at is not null"
                + " and state in " + TaskState.sqlList(TaskState.RESIZABLE)).query((rs, i) -> new ClusterName(rs.getString(1))).list();
    }

    @Override
    public java.util.Set<RunId> markGranted(List<RunId> runIds, Instant at) {
        java.util.Set<RunId> granted = new java.util.HashSet<>();
        for (RunId runId : runIds) {
            int updated = jdbc.sql("""
                    update tasklane.task_run set replicas = grow_to, grow_to = null, grow_requested_at = null,
                      grow_settled_at = ?, version = version + 1
                    where id = ? and grow_to is not null and state in\s""" + TaskState.sqlList(TaskState.RESIZABLE))
                    .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), runId.value()).update();
            if (updated == 1) {
                granted.add(runId);
            }
        }
        return granted;
    }
}
