package io.tasklane.queue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waiting runs of each cluster: runs in state QUEUED that hold no GPUs yet. */
@Repository
class QueueRepository {

    private final JdbcClient jdbc;

    QueueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QueueEntry> waiting(String cluster) {
        return jdbc.sql("""
                select r.id, r.task_id, t.pinned, r.priority, r.queued_at, r.replicas, r.sku_per_replica
                from tasklane.task_run r join tasklane.task t on t.id = r.task_id
                where r.cluster = ? and r.state = 'QUEUED' and r.admitted_at is null""")
                .param(cluster)
                .query((rs, i) -> new QueueEntry(rs.getString("id"), rs.getString("task_id"), rs.getBoolean("pinned"),
                        rs.getInt("priority"), rs.getObject("queued_at", OffsetDateTime.class).toInstant(),
                        rs.getInt("replicas"), rs.getInt("sku_per_replica")))
                .list();
    }

    /** Task name and project of each waiting run of the cluster, by run id. */
    java.util.Map<String, String[]> labels(String cluster) {
        return jdbc.sql("select r.id, t.name, t.project from tasklane.task_run r join tasklane.task t on t.id = r.task_id"
                        + " where r.cluster = ? and r.state = 'QUEUED' and r.admitted_at is null")
                .param(cluster)
                .query((rs, i) -> java.util.Map.entry(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)}))
                .list().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** Clusters with at least one waiting run. */
    List<String> clustersWithWaitingRuns() {
        return jdbc.sql("select distinct cluster from tasklane.task_run where state = 'QUEUED' and admitted_at is null")
                .query(String.class).list();
    }

    void markAdmitted(List<String> runIds, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        for (int from = 0; from < runIds.size(); from += 1000) {
            jdbc.sql("update tasklane.task_run set admitted_at = :at where id in (:ids)")
                    .param("at", when).param("ids", runIds.subList(from, Math.min(runIds.size(), from + 1000))).update();
        }
    }
}
