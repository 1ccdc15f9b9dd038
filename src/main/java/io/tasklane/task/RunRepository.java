package io.tasklane.task;

import static io.tasklane.common.SqlTimes.instant;
import static io.tasklane.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RowLocks;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs in {@code tasklane.task_run}. */
@Repository
public class RunRepository {

    /** A replica {@code i} of run {@code r} is up: {@link TaskKind#upReplicaStates()} in SQL. */
    private static final String REPLICA_UP = Arrays.stream(TaskKind.values())
            .map(kind -> "r.kind = '" + kind.name() + "' and i.state in (" + kind.upReplicaStates().stream().sorted()
                    .map(state -> "'" + state + "'").collect(Collectors.joining(", ")) + ")")
            .collect(Collectors.joining(" or "));

    private final JdbcClient jdbc;
    private final RowLocks locks;

    RunRepository(JdbcClient jdbc, RowLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    void insert(TaskRun run) {
        jdbc.sql("""
                insert into tasklane.task_run (id, task_id, cluster, kind, replicas, sku_per_replica, priority, state,
                  reason, requested_by, process_instance_id, queued_at, roles, framework, success_policy, version, project)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, (select t.project from tasklane.task t where t.id = ?))""")
                .params(run.id().value(), run.taskId().value(), run.cluster().value(), run.kind().name(), run.replicas(),
                        run.skuPerReplica(), run.priority(), run.state().name(), run.reason(), run.requestedBy(),
                        run.processInstanceId(), utc(run.queuedAt()),
                        run.hasRoles() ? run.roles().layout() : null,
                        run.hasRoles() ? run.roles().framework().name() : null,
                        run.hasRoles() ? run.roles().successPolicy().name() : null,
                        run.taskId().value())
                .update();
    }

    /** The runs that exist among {@code ids}, in no particular order. */
    public List<TaskRun> findAllById(java.util.Collection<RunId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from tasklane.task_run where id in (:ids)").param("ids", ids.stream().map(RunId::value).toList())
                .query(this::map).list();
    }

    public Optional<TaskRun> findById(RunId id) {
        return jdbc.sql("select * from tasklane.task_run where id = ?").param(id.value()).query(this::map).optional();
    }

    /** The run, locked for update until the transaction ends: state changes of one run are serialized. */
    Optional<TaskRun> lock(RunId id) {
        return jdbc.sql("select * from tasklane.task_run where id = ? " + locks.forUpdate()).param(id.value()).query(this::map).optional();
    }

    /** A task's runs, newest first. */
    List<TaskRun> findByTask(TaskId taskId, int offset, int limit) {
        return jdbc.sql("select * from tasklane.task_run where task_id = ? order by queued_at desc, id desc limit ? offset ?")
                .params(taskId.value(), limit, offset).query(this::map).list();
    }

    long countByTask(TaskId taskId) {
        return jdbc.sql("select count(*) from tasklane.task_run where task_id = ?").param(taskId.value()).query(Long.class).single();
    }

    /** The lowest replica count a runtime with an autoscaler may scale the run to (set by a daily window); empty: its replicas. */
    public Optional<Integer> minReplicasOf(RunId id) {
        return jdbc.sql("select min_replicas from tasklane.task_run where id = ?").param(id.value())
                .query((rs, i) -> rs.getObject(1, Integer.class)).optional().filter(java.util.Objects::nonNull);
    }

    /** Runs not yet over: queued, starting, running or stopping. */
    public List<TaskRun> findActive() {
        return jdbc.sql("select * from tasklane.task_run where state in " + TaskState.sqlList(TaskState.ACTIVE))
                .query(this::map).list();
    }

    /**
     * Runs starting or running that nobody asked to stop: those whose workload a runtime may adopt. Read apart from
     * {@link #findActive()} because a reconcile pass runs every few seconds and a long queue is no concern of it.
     */
    public List<TaskRun> findDeployedNotStopping() {
        return jdbc.sql("select * from tasklane.task_run where state in ('STARTING', 'RUNNING') and stop_requested_at is null")
                .query(this::map).list();
    }

    /**
     * Removes the finished runs of a deleted task with their replicas (the task's history keeps what happened). Call
     * after {@code AllocationRepository.releaseRunsOfTask}, which closes the usage periods of what they still hold.
     */
    void deleteByTask(TaskId taskId) {
        jdbc.sql("delete from tasklane.run_instance where run_id in (select id from tasklane.task_run where task_id = ?)")
                .param(taskId.value()).update();
        jdbc.sql("delete from tasklane.task_run where task_id = ?").param(taskId.value()).update();
    }

    /**
     * Active runs whose replicas or GPUs call for a signal to their process (granted, all up, all
     * exited, one failed): what recovery moves on after a start, instead of every active run. A running job
     * with success policy CHIEF is always looked at (whether its chief role is done is read from its layout).
     */
    public List<RunId> awaitingSignal() {
        return jdbc.sql("""
                select r.id from tasklane.task_run r where r.state = 'QUEUED' and r.admitted_at is not null
                union
                select r.id from tasklane.task_run r where r.state in ('STARTING', 'RUNNING') and exists
                  (select 1 from tasklane.run_instance i where i.run_id = r.id and i.state in ('FAILED', 'LOST'))
                union
                select r.id from tasklane.task_run r where r.state = 'STARTING' and r.replicas =
                  (select count(*) from tasklane.run_instance i where i.run_id = r.id and (%s))
                union
                select r.id from tasklane.task_run r where r.state = 'RUNNING' and r.kind = 'JOB' and r.replicas =
                  (select count(*) from tasklane.run_instance i where i.run_id = r.id and i.state = 'EXITED')
                union
                select r.id from tasklane.task_run r where r.state = 'RUNNING' and r.success_policy = 'CHIEF'""".formatted(REPLICA_UP))
                .query((rs, i) -> new RunId(rs.getString(1))).list();
    }

    /** Sets the run's process instance unless it has one; false if it had one (or the run does not exist). */
    boolean setProcessInstanceIfNone(RunId id, String processInstanceId) {
        return jdbc.sql("update tasklane.task_run set process_instance_id = ? where id = ? and process_instance_id is null")
                .params(processInstanceId, id.value()).update() == 1;
    }

    void setState(RunId id, TaskState state, String reason) {
        jdbc.sql("update tasklane.task_run set state = ?, reason = coalesce(?, reason), version = version + 1 where id = ?")
                .params(state.name(), reason, id.value()).update();
    }

    /**
     * Records that the run is to stop ({@code kill}: to end KILLED, making room for a force-start). The first
     * request wins: a stop that arrives while a kill is under way (or a second stop) changes neither the way
     * the run ends nor its reason, which the run's process has already been told.
     */
    boolean requestStop(RunId id, String reason, boolean kill, Instant at) {
        return jdbc.sql("update tasklane.task_run set stop_requested_at = ?, reason = ?, kill_requested = ?, version = version + 1"
                        + " where id = ? and stop_requested_at is null")
                .params(utc(at), reason, kill, id.value()).update() == 1;
    }

    /** Runs of the cluster that hold GPUs for a live workload: the candidates of a force-start. */
    public List<TaskRun> holdingGpus(ClusterName cluster) {
        return jdbc.sql("select * from tasklane.task_run where cluster = ? and state in ('STARTING', 'RUNNING')")
                .param(cluster.value()).query(this::map).list();
    }

    void markStarting(RunId id, Instant deadlineAt) {
        jdbc.sql("update tasklane.task_run set state = 'STARTING', deadline_at = ?, version = version + 1 where id = ?")
                .params(utc(deadlineAt), id.value()).update();
    }

    void markRunning(RunId id, Instant at, String endpoint) {
        jdbc.sql("update tasklane.task_run set state = 'RUNNING', started_at = ?, endpoint = ?, version = version + 1 where id = ?")
                .params(utc(at), endpoint, id.value()).update();
    }

    void finish(RunId id, TaskState state, String reason, Instant at) {
        jdbc.sql("update tasklane.task_run set state = ?, reason = ?, finished_at = ?, version = version + 1 where id = ?")
                .params(state.name(), reason, utc(at), id.value()).update();
    }

    private TaskRun map(ResultSet rs, int row) throws SQLException {
        return new TaskRun(new RunId(rs.getString("id")), new TaskId(rs.getString("task_id")), new ClusterName(rs.getString("cluster")),
                TaskKind.valueOf(rs.getString("kind")), rs.getInt("replicas"), rs.getInt("sku_per_replica"),
                rs.getInt("priority"), TaskState.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getString("requested_by"), rs.getString("process_instance_id"), instant(rs, "queued_at"),
                instant(rs, "admitted_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                instant(rs, "deadline_at"), rs.getString("endpoint"), instant(rs, "stop_requested_at"), roles(rs));
    }

    private static RunRoles roles(ResultSet rs) throws SQLException {
        List<RunRoles.Role> roles = RunRoles.parseLayout(rs.getString("roles"));
        return roles == null ? null : new RunRoles(roles, Framework.valueOf(rs.getString("framework")),
                SuccessPolicy.valueOf(rs.getString("success_policy")));
    }
}
