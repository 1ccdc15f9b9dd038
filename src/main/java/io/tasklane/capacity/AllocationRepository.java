package io.tasklane.capacity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RowLocks;
import io.tasklane.common.RunId;
import io.tasklane.common.SqlDialect;
import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which run holds which SKU slots. Slots are only taken while the {@link ClusterLock} is held, so two
 * dispatchers, even in two Tasklane instances, never hand out one slot twice. An allocation row is also its
 * replica's open usage period; releasing it writes the closed period to {@code usage_period} in the same
 * transaction. There is no other way to hold or free a GPU, so no code path can forget to account for one.
 */
@Repository
public class AllocationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final RowLocks locks;
    private final SqlDialect dialect;
    private final Clock clock;

    AllocationRepository(JdbcClient jdbc, JdbcTemplate batch, RowLocks locks, SqlDialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.locks = locks;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** Slots taken on each node of the cluster. */
    public Map<String, Set<Integer>> takenSlots(ClusterName cluster) {
        Map<String, Set<Integer>> taken = new HashMap<>();
        jdbc.sql("select node, slots from tasklane.allocation where cluster = ?").param(cluster.value())
                .query((rs, i) -> Map.entry(rs.getString("node"), split(rs.getString("slots")))).list()
                .forEach(e -> taken.computeIfAbsent(e.getKey(), n -> new HashSet<>()).addAll(e.getValue()));
        return taken;
    }

    /**
     * Records the placements of runs (by run id) in one batch; call only while holding the cluster lock. Each row is
     * also the replica's open usage period (see {@code V13__open_periods_from_allocation.sql}): held from {@code at},
     * the time the runs are marked admitted, with its SKUs and GPUs. A dispatch pass thus writes no usage rows.
     */
    public void reserve(ClusterName cluster, Map<RunId, List<ReplicaPlacement>> placementsByRun, int gpusPerSku, java.time.Instant at) {
        if (placementsByRun.isEmpty()) {
            return;
        }
        OffsetDateTime from = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        List<Row> rows = new java.util.ArrayList<>();
        placementsByRun.forEach((runId, placements) -> placements.forEach(p -> rows.add(new Row(runId.value(), p.replicaIndex(), p.node(),
                join(p.slots()), join(p.gpuIndices(gpusPerSku)), p.slots().size(), p.slots().size() * gpusPerSku))));
        if (dialect.isPostgres()) {
            insertAsArrays(cluster, from, rows);
        } else {
            batch.batchUpdate("insert into tasklane.allocation (run_id, replica_index, node, slots, gpu_indices, skus, gpus, cluster, held_from)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.stream().map(r -> new Object[] {r.runId(), r.replica(), r.node(), r.slots(),
                    r.gpuIndices(), r.skus(), r.gpus(), cluster.value(), from}).toList());
        }
    }

    /** One allocation row of a pass, as written. */
    private record Row(String runId, int replica, String node, String slots, String gpuIndices, int skus, int gpus) {
    }

    /**
     * One statement for every row of a pass, each column sent as one array: a pass admitting thousands of replicas
     * took PostgreSQL tens of multi-row inserts of a thousand parameters each to parse and plan; unnest() is planned once.
     */
    private void insertAsArrays(ClusterName cluster, OffsetDateTime from, List<Row> rows) {
        jdbc.sql("insert into tasklane.allocation (run_id, replica_index, node, slots, gpu_indices, skus, gpus, cluster, held_from)"
                        + " select r, i, n, s, g, k, u, ?, ? from unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[],"
                        + " ?::int[], ?::int[]) as p (r, i, n, s, g, k, u)")
                .params(cluster.value(), from, rows.stream().map(Row::runId).toArray(String[]::new),
                        rows.stream().map(Row::replica).toArray(Integer[]::new), rows.stream().map(Row::node).toArray(String[]::new),
                        rows.stream().map(Row::slots).toArray(String[]::new), rows.stream().map(Row::gpuIndices).toArray(String[]::new),
                        rows.stream().map(Row::skus).toArray(Integer[]::new), rows.stream().map(Row::gpus).toArray(Integer[]::new))
                .update();
    }

    public List<Allocation> forRun(RunId runId) {
        return jdbc.sql("select * from tasklane.allocation where run_id = ? order by replica_index").param(runId.value())
                .query((rs, i) -> new Allocation(new RunId(rs.getString("run_id")), rs.getInt("replica_index"), new ClusterName(rs.getString("cluster")),
                        rs.getString("node"), split(rs.getString("slots")), split(rs.getString("gpu_indices"))))
                .list();
    }

    /** Frees the run's slots and closes their usage periods now; the number of replicas that held some. */
    public int release(RunId runId) {
        return releaseFrom(runId, 0);
    }

    /**
     * Frees the slots of the run's replicas from {@code firstIndex} on (a shrink) and closes their usage periods now;
     * how many replicas held some. Two statements, as when the periods were updated: the closed periods are written
     * from the allocation rows, then the rows are deleted.
     */
    public int releaseFrom(RunId runId, int firstIndex) {
        jdbc.sql(closePeriods("?", "run_id = ? and replica_index >= ?")).params(now(), runId.value(), firstIndex).update();
        return jdbc.sql("delete from tasklane.allocation where run_id = ? and replica_index >= ?").params(runId.value(), firstIndex).update();
    }

    /**
     * Frees what the runs of a task being deleted still hold (an ended run whose release a crash cut short): their
     * periods close when their run ended, as the run's own release would have closed them, so the task's use stays
     * accounted after the task is gone.
     */
    public void releaseRunsOfTask(TaskId taskId) {
        String ofTask = "run_id in (select id from tasklane.task_run where task_id = ?)";
        jdbc.sql(closePeriods("coalesce(r.finished_at, a.held_from)", ofTask)).param(taskId.value()).update();
        jdbc.sql("delete from tasklane.allocation where " + ofTask).param(taskId.value()).update();
    }

    /**
     * Writes the closed usage period of each allocation row that {@code rows} selects, ending at {@code heldTo} (SQL;
     * parameters of {@code heldTo} come first). The rows are locked first: a second release of the same run waits
     * for the first to delete them, then finds none, so no period is closed twice. Task, project and user come from
     * the run and its task, which exist while the allocation does (an allocation whose run is gone holds no period).
     */
    private String closePeriods(String heldTo, String rows) {
        return """
                insert into tasklane.usage_period (run_id, replica_index, task_id, task_name, project, user_id, cluster, node,
                  skus, gpus, held_from, held_to)
                select a.run_id, a.replica_index, r.task_id, t.name, t.project, r.requested_by, a.cluster, a.node,
                  a.skus, a.gpus, a.held_from, %s
                from (select * from tasklane.allocation where %s %s) a
                join tasklane.task_run r on r.id = a.run_id
                join tasklane.task t on t.id = r.task_id""".formatted(heldTo, rows, locks.forUpdate());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Runs that hold slots although they are over (in one of {@code endedStates}) or gone: what a crash
     * between two steps could leave behind.
     */
    public List<RunId> heldByEndedRuns(java.util.Collection<String> endedStates) {
        return jdbc.sql("""
                select distinct a.run_id from tasklane.allocation a left join tasklane.task_run r on r.id = a.run_id
                where r.id is null or r.state in (:ended)""").param("ended", endedStates).query((rs, i) -> new RunId(rs.getString(1))).list();
    }

    static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Integer> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(Integer::valueOf).toList();
    }
}
