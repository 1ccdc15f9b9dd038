package io.tasklane.queue;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.SqlDialect;
import io.tasklane.common.TaskId;
import io.tasklane.task.RunRoles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The waiting runs of each cluster: runs in state QUEUED that hold no GPUs yet. */
@Repository
class QueueRepository {

    /** Bounds of the rows fetched per round trip when a dispatch pass reads the queue in order. */
    private static final int MIN_FETCH = 16;
    private static final int MAX_FETCH = 512;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final SqlDialect dialect;

    QueueRepository(JdbcClient jdbc, DataSource dataSource, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.dialect = dialect;
    }

    /** The cluster's waiting pinned run (one at most), as an entry. */
    List<QueueEntry> pinned(ClusterName cluster) {
        // Two plain lookups: pinned tasks are a handful at most, and usually none at all.
        List<String> pinnedRuns = jdbc.sql("select current_run_id from tasklane.task where pinned = true and current_run_id is not null")
                .query(String.class).list();
        if (pinnedRuns.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.id, r.task_id, true as pinned, r.priority, r.queued_at, r.replicas, r.sku_per_replica, r.project, r.roles
                from tasklane.task_run r
                where r.id in (:runs) and r.cluster = :cluster and r.state = 'QUEUED' and r.admitted_at is null""")
                .param("runs", pinnedRuns).param("cluster", cluster.value()).query(ENTRY).list();
    }

    /**
     * The cluster's waiting runs in queue order, pinned ones included as if unpinned, read lazily: close
     * the stream. Within a transaction PostgreSQL hands the rows over in batches along the ordered index,
     * so a pass that stops after a few entries reads a few rows, not the whole queue. {@code freeSkus}
     * sizes the batches: every admitted run takes at least one SKU, so a nearly full cluster needs few.
     */
    Stream<QueueEntry> inOrderIgnoringPins(ClusterName cluster, int freeSkus) {
        int fetch = Math.max(MIN_FETCH, Math.min(MAX_FETCH, 2 * freeSkus));
        return streaming.queryForStream(connection -> {
            PreparedStatement statement = connection.prepareStatement("""
                    select r.id, r.task_id, false as pinned, r.priority, r.queued_at, r.replicas, r.sku_per_replica, r.project, r.roles
                    from tasklane.task_run r
                    where r.cluster = ? and r.state = 'QUEUED' and r.admitted_at is null
                    order by\s""" + QueueOrder.SQL_AFTER_PINNED);
            statement.setString(1, cluster.value());
            statement.setFetchSize(fetch);
            return statement;
        }, ENTRY);
    }

    /**
     * The 1-based places, in queue order with the {@code pinned} runs left out, of those of {@code runIds} that wait
     * in the cluster's queue. PostgreSQL numbers the whole queue ({@code row_number()} in {@link QueueOrder}'s order)
     * and hands back only the rows asked for: a page of tasks wants a few places in a queue thousands long, and
     * reading those thousands of rows into the JVM to count them cost the page most of its time.
     */
    java.util.Map<RunId, Integer> placesAfterPinned(ClusterName cluster, java.util.Collection<RunId> runIds,
                                                     java.util.Collection<RunId> pinned) {
        String notPinned = pinned.isEmpty() ? "" : " and r.id not in (:pinned)";
        JdbcClient.StatementSpec statement = jdbc.sql("""
                select q.id, q.place from (
                  select r.id, row_number() over (order by\s""" + QueueOrder.SQL_AFTER_PINNED + """
                ) as place
                  from tasklane.task_run r
                  where r.cluster = :cluster and r.state = 'QUEUED' and r.admitted_at is null""" + notPinned + """
                ) q where q.id in (:runs)""")
                .param("cluster", cluster.value()).param("runs", values(List.copyOf(runIds)));
        if (!pinned.isEmpty()) {
            statement = statement.param("pinned", values(List.copyOf(pinned)));
        }
        return statement.query((rs, i) -> java.util.Map.entry(new RunId(rs.getString(1)), rs.getInt(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** How many runs wait in each cluster's queue (grows of running runs are not queue entries here); none: absent. */
    java.util.Map<ClusterName, Long> waitingPerCluster() {
        return jdbc.sql("select cluster, count(*) from tasklane.task_run where state = 'QUEUED' and admitted_at is null group by cluster")
                .query((rs, i) -> java.util.Map.entry(new ClusterName(rs.getString(1)), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** A waiting run from the columns every queue read selects. */
    private static final RowMapper<QueueEntry> ENTRY = (rs, i) -> new QueueEntry(new RunId(rs.getString("id")), new TaskId(rs.getString("task_id")),
            rs.getBoolean("pinned"), rs.getInt("priority"), rs.getObject("queued_at", OffsetDateTime.class).toInstant(),
            rs.getInt("replicas"), rs.getInt("sku_per_replica"), 0, rs.getString("project"),
            RunRoles.groupsOf(rs.getString("roles")));

    List<QueueEntry> waiting(ClusterName cluster) {
        return jdbc.sql("""
                select r.id, r.task_id, t.pinned, r.priority, r.queued_at, r.replicas, r.sku_per_replica, t.project, r.roles
                from tasklane.task_run r join tasklane.task t on t.id = r.task_id
                where r.cluster = ? and r.state = 'QUEUED' and r.admitted_at is null""")
                .param(cluster.value()).query(ENTRY).list();
    }

    /** Task name, project and creator of each waiting run of the cluster, by run id. */
    java.util.Map<String, String[]> labels(ClusterName cluster) {
        return jdbc.sql("select r.id, t.name, t.project, t.creator from tasklane.task_run r join tasklane.task t on t.id = r.task_id"
                        + " where r.cluster = ? and r.state = 'QUEUED' and r.admitted_at is null")
                .param(cluster.value())
                .query((rs, i) -> java.util.Map.entry(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)}))
                .list().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /**
     * Runs holding slots on the cluster (admitted, starting, running or stopping), longest held first: one row per
     * replica's allocation, summed per run.
     */
    List<HoldingRun> holding(ClusterName cluster) {
        java.util.Map<String, HoldingRun> byRun = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select a.run_id, a.node, a.slots, r.task_id, r.state, coalesce(r.started_at, r.admitted_at) as since,
                  t.name, t.project, t.creator
                from tasklane.allocation a join tasklane.task_run r on r.id = a.run_id join tasklane.task t on t.id = r.task_id
                where a.cluster = ?
                order by since, a.run_id, a.replica_index""")
                .param(cluster.value())
                .query((rs, i) -> {
                    OffsetDateTime since = rs.getObject("since", OffsetDateTime.class);
                    int skus = rs.getString("slots").isBlank() ? 0 : rs.getString("slots").split(",").length;
                    return new HoldingRun(new RunId(rs.getString("run_id")), new TaskId(rs.getString("task_id")), rs.getString("name"),
                            rs.getString("project"), rs.getString("creator"), io.tasklane.task.TaskState.valueOf(rs.getString("state")),
                            skus, List.of(rs.getString("node")), since == null ? null : since.toInstant());
                })
                .list()
                .forEach(replica -> byRun.merge(replica.runId().value(), replica, (a, b) -> new HoldingRun(a.runId(), a.taskId(),
                        a.taskName(), a.project(), a.owner(), a.state(), a.skus() + b.skus(),
                        java.util.stream.Stream.concat(a.nodes().stream(), b.nodes().stream()).distinct().toList(), a.since())));
        return List.copyOf(byRun.values());
    }

    /** Clusters with at least one waiting run. */
    List<ClusterName> clustersWithWaitingRuns() {
        return jdbc.sql("select distinct cluster from tasklane.task_run where state = 'QUEUED' and admitted_at is null")
                .query((rs, i) -> new ClusterName(rs.getString(1))).list();
    }

    /**
     * Marks the runs admitted, except one that left the queue since the pass read it (its stop waits for no
     * pass, only for the run's row, which this waits for in turn): returns those marked. One asked to stop but
     * still queued is admitted; its stop then releases what it was given.
     */
    java.util.Set<RunId> markAdmitted(List<RunId> runIds, Instant at) {
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        String update = "update tasklane.task_run set admitted_at = :at, reason = case when reason like 'QuotaExceeded:%' then null"
                + " else reason end where id IDS and state = 'QUEUED' and admitted_at is null";
        int marked = 0;
        for (List<RunId> ids : idChunks(runIds)) {
            marked += withIds(update, when, ids).update();
        }
        if (marked == runIds.size()) {
            return new java.util.HashSet<>(runIds);
        }
        java.util.Set<RunId> admitted = new java.util.HashSet<>();
        for (List<RunId> ids : idChunks(runIds)) {
            admitted.addAll(withIds("select id from tasklane.task_run where admitted_at = :at and id IDS", when, ids)
                    .query((rs, i) -> new RunId(rs.getString(1))).list());
        }
        return admitted;
    }

    /**
     * The statement with {@code :at} bound and {@code IDS} matching the runs: on PostgreSQL one array parameter, so
     * one statement however many runs a pass admits, planned once; on H2 an {@code in} list of at most a thousand.
     */
    private JdbcClient.StatementSpec withIds(String sql, OffsetDateTime at, List<RunId> runIds) {
        if (dialect.isPostgres()) {
            // Positional: a named parameter would expand the array into a list.
            return jdbc.sql(sql.replace(":at", "?").replace("IDS", "= any(cast(? as varchar[]))"))
                    .params(at, runIds.stream().map(RunId::value).toArray(String[]::new));
        }
        return jdbc.sql(sql.replace("IDS", "in (:ids)")).param("at", at).param("ids", values(runIds));
    }

    private List<List<RunId>> idChunks(List<RunId> runIds) {
        if (dialect.isPostgres()) {
            return List.of(runIds);
        }
        List<List<RunId>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < runIds.size(); from += 1000) {
            chunks.add(runIds.subList(from, Math.min(runIds.size(), from + 1000)));
        }
        return chunks;
    }

    private static List<String> values(List<RunId> runIds) {
        return runIds.stream().map(RunId::value).toList();
    }
}
