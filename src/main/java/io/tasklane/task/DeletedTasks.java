package io.tasklane.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What is kept of a deleted task: its project (who may still read its history), name, and who deleted it
 * when. The history itself stays in {@code task_event}.
 */
@Repository
class DeletedTasks {

    private final JdbcClient jdbc;

    DeletedTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a deletion in the caller's transaction, so it commits with the delete. */
    void record(TaskId id, String project, String name, Instant at, String actor) {
        jdbc.sql("insert into tasklane.deleted_task (task_id, project, name, deleted_at, deleted_by) values (?, ?, ?, ?, ?)")
                .params(id.value(), project, name, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), actor)
                .update();
    }

    /** The project a deleted task belonged to; empty for a task never deleted (or never there). */
    Optional<String> projectOf(TaskId id) {
        return jdbc.sql("select project from tasklane.deleted_task where task_id = ?").param(id.value())
                .query(String.class).optional();
    }
}
