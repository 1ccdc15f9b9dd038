package io.tasklane.preemption;

import static io.tasklane.common.SqlTimes.instant;
import static io.tasklane.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Force-starts and their planned victims, in {@code tasklane.force_start} and {@code force_start_victim}. */
@Repository
class ForceStartRepository {

    private final JdbcClient jdbc;

    ForceStartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ForceStart start) {
        jdbc.sql("""
                insert into tasklane.force_start (id, task_id, run_id, cluster, requested_by, state, requested_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(start.id().value(), start.taskId().value(), start.runId().value(), start.cluster().value(),
                        start.requestedBy(), start.state().name(), utc(start.requestedAt()))
                .update();
    }

    Optional<ForceStart> find(ForceStartId id) {
        return jdbc.sql("select * from tasklane.force_start where id = ?").param(id.value()).query(this::map).optional()
                .map(start -> start.withVictims(victimsOf(id)));
    }

    /** The cluster's force-start under way (planning, awaiting confirmation or killing), if any. */
    Optional<ForceStart> openOn(ClusterName cluster) {
        return jdbc.sql("select * from tasklane.force_start where cluster = ? and state in ('PLANNING', 'AWAITING_CONFIRMATION', 'KILLING')")
                .param(cluster.value()).query(this::map).list().stream().findFirst();
    }

    /** Force-starts of the task still under way. */
    List<ForceStartId> openFor(TaskId taskId) {
        return jdbc.sql("select id from tasklane.force_start where task_id = ? and state in ('PLANNING', 'AWAITING_CONFIRMATION', 'KILLING')")
                .param(taskId.value()).query((rs, i) -> new ForceStartId(rs.getString(1))).list();
    }

    /** Force-starts waiting on a pinned task that is no longer pinned: their process missed the pin's end. */
    List<ForceStartId> waitingOnEndedPins() {
        return jdbc.sql("""
                select f.id from tasklane.force_start f join tasklane.task t on t.id = f.task_id
                where f.state in ('AWAITING_CONFIRMATION', 'KILLING') and t.pinned = false""")
                .query((rs, i) -> new ForceStartId(rs.getString(1))).list();
    }

    void replaceVictims(ForceStartId id, List<ForceStart.Victim> victims) {
        jdbc.sql("delete from tasklane.force_start_victim where force_start_id = ?").param(id.value()).update();
        for (int i = 0; i < victims.size(); i++) {
            ForceStart.Victim v = victims.get(i);
            jdbc.sql("""
                    insert into tasklane.force_start_victim (force_start_id, position, run_id, task_id, task_name, owner,
                      project, priority, skus, gpus, nodes, running_since) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id.value(), i, v.runId().value(), v.taskId().value(), v.taskName(), v.owner(), v.project(),
                            v.priority(), v.skus(), v.gpus(), String.join(",", v.nodes()), utc(v.runningSince()))
                    .update();
        }
    }

    void setState(ForceStartId id, ForceStart.State state, String outcome) {
        jdbc.sql("update tasklane.force_start set state = ?, outcome = coalesce(?, outcome) where id = ?")
                .params(state.name(), outcome, id.value()).update();
    }

    void decide(ForceStartId id, ForceStart.State state, String outcome, String decidedBy, Instant at) {
        jdbc.sql("update tasklane.force_start set state = ?, outcome = coalesce(?, outcome), decided_by = ?, decided_at = ? where id = ?")
                .params(state.name(), outcome, decidedBy, utc(at), id.value()).update();
    }

    void finish(ForceStartId id, ForceStart.State state, String outcome, Instant at) {
        jdbc.sql("update tasklane.force_start set state = ?, outcome = ?, finished_at = ? where id = ?")
                .params(state.name(), outcome, utc(at), id.value()).update();
    }

    private List<ForceStart.Victim> victimsOf(ForceStartId id) {
        return jdbc.sql("select * from tasklane.force_start_victim where force_start_id = ? order by position")
                .param(id.value())
                .query((rs, i) -> new ForceStart.Victim(new RunId(rs.getString("run_id")), new TaskId(rs.getString("task_id")),
                        rs.getString("task_name"), rs.getString("owner"), rs.getString("project"), rs.getInt("priority"),
                        rs.getInt("skus"), rs.getInt("gpus"), Arrays.asList(rs.getString("nodes").split(",")),
                        instant(rs, "running_since")))
                .list();
    }

    private ForceStart map(ResultSet rs, int row) throws SQLException {
        return new ForceStart(new ForceStartId(rs.getString("id")), new TaskId(rs.getString("task_id")),
                new RunId(rs.getString("run_id")), new ClusterName(rs.getString("cluster")), rs.getString("requested_by"),
                ForceStart.State.valueOf(rs.getString("state")), rs.getString("outcome"), rs.getString("decided_by"),
                instant(rs, "requested_at"), instant(rs, "decided_at"), instant(rs, "finished_at"), List.of());
    }
}
