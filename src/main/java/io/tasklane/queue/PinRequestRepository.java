package io.tasklane.queue;

import static io.tasklane.common.SqlTimes.instant;
import static io.tasklane.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pin requests in {@code tasklane.pin_request}. */
@Repository
class PinRequestRepository {

    private final JdbcClient jdbc;

    PinRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PinRequest request) {
        jdbc.sql("""
                insert into tasklane.pin_request (id, task_id, run_id, cluster, requested_by, reason, state, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.id().value(), request.taskId().value(), request.runId().value(), request.cluster().value(),
                        request.requestedBy(), request.reason(), request.state().name(), utc(request.requestedAt()))
                .update();
    }

    Optional<PinRequest> find(PinRequestId id) {
        return jdbc.sql("select * from tasklane.pin_request where id = ?").param(id.value()).query(this::map).optional();
    }

    /** The task's request still waiting for review, if any. */
    Optional<PinRequest> pendingFor(TaskId taskId) {
        return jdbc.sql("select * from tasklane.pin_request where task_id = ? and state = 'PENDING'").param(taskId.value())
                .query(this::map).list().stream().findFirst();
    }

    /** Records the decision; only a pending request changes (a second decision is a no-op: false). */
    boolean decide(PinRequestId id, PinRequest.State state, String outcome, String decidedBy, String comment, Instant at) {
        return jdbc.sql("""
                update tasklane.pin_request set state = ?, outcome = ?, decided_by = ?, comment = ?, decided_at = ?
                where id = ? and state = 'PENDING'""")
                .params(state.name(), outcome, decidedBy, comment, utc(at), id.value()).update() == 1;
    }

    private PinRequest map(ResultSet rs, int row) throws SQLException {
        return new PinRequest(new PinRequestId(rs.getString("id")), new TaskId(rs.getString("task_id")),
                new RunId(rs.getString("run_id")), new ClusterName(rs.getString("cluster")), rs.getString("requested_by"),
                rs.getString("reason"), PinRequest.State.valueOf(rs.getString("state")), rs.getString("outcome"),
                rs.getString("decided_by"), rs.getString("comment"), instant(rs, "requested_at"), instant(rs, "decided_at"));
    }
}
