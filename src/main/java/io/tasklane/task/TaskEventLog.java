package io.tasklane.task;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only task history. Rows are only ever inserted; they outlive a deleted task. */
@Repository
public class TaskEventLog {

    private final JdbcClient jdbc;

    TaskEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an event in the caller's transaction, so it commits with the change it records. */
    public void append(TaskId taskId, java.time.Instant at, String actor, String type, TaskState from, TaskState to,
                       String reason) {
        jdbc.sql("""
                insert into tasklane.task_event (task_id, occurred_at, actor, event_type, from_state, to_state, reason)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(taskId.value(), OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor, type,
                        from == null ? null : from.name(), to == null ? null : to.name(), reason)
                .update();
    }

    /** A task's events, oldest first. */
    public List<TaskEvent> history(TaskId taskId) {
        return jdbc.sql("select * from tasklane.task_event where task_id = ? order by id")
                .param(taskId.value())
                .query((rs, i) -> new TaskEvent(rs.getLong("id"), new TaskId(rs.getString("task_id")),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                        rs.getString("event_type"), state(rs.getString("from_state")), state(rs.getString("to_state")),
                        rs.getString("reason")))
                .list();
    }

    private static TaskState state(String name) {
        return name == null ? null : TaskState.valueOf(name);
    }
}
