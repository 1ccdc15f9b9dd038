package io.tasklane.sizing;

import static io.tasklane.common.SqlTimes.utc;

import java.time.Instant;
import java.util.Optional;

import io.tasklane.common.RowLocks;
import io.tasklane.common.RunId;
import io.tasklane.task.TaskState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The size columns of {@code tasklane.task_run}: replica range, the range asked for, a waiting grow. */
@Repository
class ResizeRepository {

    private final JdbcClient jdbc;
    private final RowLocks locks;

    ResizeRepository(JdbcClient jdbc, RowLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    /** The run's size, locked until the transaction ends. */
    Optional<RunSize> lock(RunId runId) {
        return jdbc.sql("select * from tasklane.task_run where id = ? " + locks.forUpdate()).param(runId.value())
                .query((rs, i) -> new RunSize(rs.getString("id"), rs.getString("cluster"), TaskState.valueOf(rs.getString("state")),
                        rs.getObject("admitted_at") != null, rs.getObject("stop_requested_at") != null, rs.getInt("replicas"),
                        rs.getObject("min_replicas", Integer.class), rs.getObject("target_min_replicas", Integer.class),
                        rs.getObject("target_max_replicas", Integer.class), rs.getObject("grow_to", Integer.class)))
                .optional();
    }

    void setTarget(RunId runId, int min, int max) {
        jdbc.sql("update tasklane.task_run set target_min_replicas = ?, target_max_replicas = ? where id = ?")
                .params(min, max, runId.value()).update();
    }

    void setMinReplicas(RunId runId, int min) {
        jdbc.sql("update tasklane.task_run set min_replicas = ? where id = ?").params(min, runId.value()).update();
    }

    /** The run now has {@code replicas} replicas in range [min, replicas]; the range asked for is applied. */
    void resized(RunId runId, int replicas, int min) {
        jdbc.sql("""
                update tasklane.task_run set replicas = ?, min_replicas = ?, target_min_replicas = null,
                  target_max_replicas = null, version = version + 1 where id = ?""")
                .params(replicas, min, runId.value()).update();
    }

    /** Queues a grow to {@code replicas} (a waiting one keeps its place in the queue). */
    void requestGrow(RunId runId, int replicas, int min, Instant at) {
        jdbc.sql("""
                update tasklane.task_run set grow_to = ?, grow_requested_at = coalesce(grow_requested_at, ?), min_replicas = ?,
                  target_min_replicas = null, target_max_replicas = null, version = version + 1 where id = ?""")
                .params(replicas, utc(at), min, runId.value()).update();
    }

    /** Withdraws a waiting grow; its process is let go (settled) so it does not wait for GPUs forever. False if none waited. */
    boolean withdrawGrow(RunId runId, Instant at) {
        return jdbc.sql("""
                update tasklane.task_run set grow_to = null, grow_requested_at = null, grow_settled_at = ?
                where id = ? and grow_to is not null""").params(utc(at), runId.value()).update() > 0;
    }

    void clearGrowSettled(RunId runId) {
        jdbc.sql("update tasklane.task_run set grow_settled_at = null where id = ?").param(runId.value()).update();
    }

    /** Whether the run is resizable and its process has a settled grow still to hear of. */
    boolean growSettledUnheard(RunId runId) {
        return holds(runId, "grow_settled_at is not null");
    }

    /** Whether the run is resizable and has a range asked for that its process has not applied yet. */
    boolean targetPending(RunId runId) {
        return holds(runId, "target_max_replicas is not null");
    }

    private boolean holds(RunId runId, String condition) {
        return jdbc.sql("select count(*) from tasklane.task_run where id = ? and state in " + TaskState.sqlList(TaskState.RESIZABLE)
                        + " and " + condition)
                .param(runId.value()).query(Integer.class).single() > 0;
    }
}
