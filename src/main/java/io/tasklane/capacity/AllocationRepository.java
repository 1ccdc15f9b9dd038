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
import io.tasklane.common.RunId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which run holds which SKU slots. Slots are only taken while the {@link ClusterLock} is held, so two
 * dispatchers, even in two Tasklane instances, never hand out one slot twice.
 */
@Repository
public class AllocationRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    AllocationRepository(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
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
     * Records the placements of runs (by run id) in one batch, and opens a usage period from {@code at}, the time the
     * runs are marked admitted (see {@code V8__usage_periods.sql}), for each of their replicas that holds slots
     * without one; call only while holding the cluster lock.
     */
    public void reserve(ClusterName cluster, Map<RunId, List<ReplicaPlacement>> placementsByRun, int gpusPerSku, java.time.Instant at) {
        if (placementsByRun.isEmpty()) {
            return;
        }
        List<Object[]> rows = new java.util.ArrayList<>();
        placementsByRun.forEach((runId, placements) -> placements.forEach(p -> rows.add(
                new Object[] {runId.value(), p.replicaIndex(), cluster.value(), p.node(), join(p.slots()), join(p.gpuIndices(gpusPerSku))})));
        batch.batchUpdate("insert into tasklane.allocation (run_id, replica_index, cluster, node, slots, gpu_indices)"
                + " values (?, ?, ?, ?, ?, ?)", rows);
        openUsagePeriods(placementsByRun.keySet(), gpusPerSku, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /**
     * One statement for a whole dispatch pass, whatever it admitted: a period for every replica of these runs that
     * holds slots and has no open period (the ones just reserved; a grown run's earlier replicas have theirs). An
     * insert-select per replica cost a round trip each: 3,000 of them made a pass admitting 3,000 runs three times
     * slower. The run ids travel as one array, so the statement is the same for any number of runs.
     */
    private void openUsagePeriods(java.util.Collection<RunId> runIds, int gpusPerSku, OffsetDateTime from) {
        Object[] ids = runIds.stream().map(RunId::value).toArray();
        batch.update(connection -> {
            var insert = connection.prepareStatement("""
                    insert into tasklane.usage_period (run_id, replica_index, task_id, task_name, project, user_id, cluster, node,
                      skus, gpus, held_from)
                    select a.run_id, a.replica_index, r.task_id, t.name, t.project, r.requested_by, a.cluster, a.node,
                      length(a.slots) - length(replace(a.slots, ',', '')) + 1,
                      (length(a.slots) - length(replace(a.slots, ',', '')) + 1) * ?, ?
                    from tasklane.allocation a
                    join tasklane.task_run r on r.id = a.run_id
                    join tasklane.task t on t.id = r.task_id
                    where a.run_id = any (?) and not exists (select 1 from tasklane.usage_period u
                      where u.run_id = a.run_id and u.replica_index = a.replica_index and u.held_to is null)""");
            insert.setInt(1, gpusPerSku);
            insert.setObject(2, from);
            insert.setArray(3, connection.createArrayOf("varchar", ids));
            return insert;
        });
    }

    public List<Allocation> forRun(RunId runId) {
        return jdbc.sql("select * from tasklane.allocation where run_id = ? order by replica_index").param(runId.value())
                .query((rs, i) -> new Allocation(new RunId(rs.getString("run_id")), rs.getInt("replica_index"), new ClusterName(rs.getString("cluster")),
                        rs.getString("node"), split(rs.getString("slots")), split(rs.getString("gpu_indices"))))
                .list();
    }

    /** Frees the run's slots and ends its usage periods now; the number of replicas that held some. */
    public int release(RunId runId) {
        return releaseFrom(runId, 0);
    }

    /**
     * Frees the slots of the run's replicas from {@code firstIndex} on (a shrink) and ends their usage periods
     * now; how many replicas held some.
     */
    public int releaseFrom(RunId runId, int firstIndex) {
        int released = jdbc.sql("delete from tasklane.allocation where run_id = ? and replica_index >= ?").params(runId.value(), firstIndex).update();
        if (released > 0) {
            jdbc.sql("update tasklane.usage_period set held_to = ? where run_id = ? and replica_index >= ? and held_to is null")
                    .params(now(), runId.value(), firstIndex).update();
        }
        return released;
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
