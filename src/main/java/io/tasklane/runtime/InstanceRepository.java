package io.tasklane.runtime;

import static io.tasklane.common.SqlTimes.instant;
import static io.tasklane.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.tasklane.common.RunId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Replicas of runs in {@code tasklane.run_instance}. */
@Repository
public class InstanceRepository {

    private final JdbcClient jdbc;

    InstanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertLaunched(RunId runId, ReplicaLaunch replica, LaunchedReplica launched) {
        jdbc.sql("""
                insert into tasklane.run_instance (run_id, replica_index, node, gpu_indices, state, pid, port, launched_at, log_path)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(runId.value(), replica.index(), replica.node(), join(replica.gpus()), launched.initialState().name(),
                        launched.pid(), launched.port(),
                        utc(launched.launchedAt()), launched.logPath())
                .update();
    }

    public List<RunInstance> forRun(RunId runId) {
        return jdbc.sql("select * from tasklane.run_instance where run_id = ? order by replica_index")
                .param(runId.value()).query(this::map).list();
    }

    /** Marks a pending or started replica ready; false if it is neither any more. */
    boolean markReady(RunId runId, int index, Instant at) {
        return jdbc.sql("update tasklane.run_instance set state = 'READY', ready_at = ? where run_id = ? and replica_index = ? and state in ('PENDING', 'STARTED')")
                .params(utc(at), runId.value(), index).update() == 1;
    }

    /** Marks a pending replica as running; false if it is not pending (any more). */
    boolean markStarted(RunId runId, int index) {
        return jdbc.sql("update tasklane.run_instance set state = 'STARTED' where run_id = ? and replica_index = ? and state = 'PENDING'")
                .params(runId.value(), index).update() == 1;
    }

    /** Notes why a replica that has not started serving is still waiting; no change of state. */
    void noteWaiting(RunId runId, int index, String diagnostic) {
        jdbc.sql("update tasklane.run_instance set message = ? where run_id = ? and replica_index = ? and state in ('PENDING', 'STARTED')")
                .params(diagnostic, runId.value(), index).update();
    }

    /** Notes what serves as a live replica and where its log is; no change of state. */
    void noteServing(RunId runId, int index, String description, String logPath) {
        jdbc.sql("update tasklane.run_instance set message = ?, log_path = ? where run_id = ? and replica_index = ? and state in ('PENDING', 'STARTED', 'READY')")
                .params(description, logPath, runId.value(), index).update();
    }

    /** Records how a live replica ended; false if it had already ended (e.g. Tasklane stopped it). */
    boolean markEnded(RunId runId, int index, InstanceState state, Integer exitCode, String message, Instant at) {
        return jdbc.sql("""
                update tasklane.run_instance set state = ?, exit_code = ?, message = ?, finished_at = ?
                where run_id = ? and replica_index = ? and state in ('PENDING', 'STARTED', 'READY')""")
                .params(state.name(), exitCode, message, utc(at), runId.value(), index).update() == 1;
    }

    /** Forgets the replicas from {@code firstIndex} on (a shrink): a later report of their exit changes nothing. */
    void deleteFrom(RunId runId, int firstIndex) {
        jdbc.sql("delete from tasklane.run_instance where run_id = ? and replica_index >= ?").params(runId.value(), firstIndex).update();
    }

    private RunInstance map(ResultSet rs, int row) throws SQLException {
        long pid = rs.getLong("pid");
        Long pidOrNull = rs.wasNull() ? null : pid;
        int port = rs.getInt("port");
        Integer portOrNull = rs.wasNull() ? null : port;
        int exit = rs.getInt("exit_code");
        Integer exitOrNull = rs.wasNull() ? null : exit;
        return new RunInstance(new RunId(rs.getString("run_id")), rs.getInt("replica_index"), rs.getString("node"),
                split(rs.getString("gpu_indices")), InstanceState.valueOf(rs.getString("state")), pidOrNull, portOrNull,
                instant(rs, "launched_at"), instant(rs, "ready_at"), instant(rs, "finished_at"), exitOrNull,
                rs.getString("message"), rs.getString("log_path"));
    }

    static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Integer> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(Integer::valueOf).toList();
    }
}
