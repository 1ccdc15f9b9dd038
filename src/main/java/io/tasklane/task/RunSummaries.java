package io.tasklane.task;

import static io.tasklane.common.SqlTimes.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What other modules tell people about a run (notifications): its task's name and project, without a caller's rights. */
@Repository
public class RunSummaries {

    /** A run as a notification names it. */
    public record RunSummary(RunId runId, TaskId taskId, String taskName, String project, TaskState state, String reason,
                             Instant queuedAt, Instant finishedAt) {
    }

    private static final String SELECT = """
            select r.id, r.task_id, t.name, t.project, r.state, r.reason, r.queued_at, r.finished_at
            from tasklane.task_run r join tasklane.task t on t.id = r.task_id""";

    private final JdbcClient jdbc;

    RunSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The run, unless it (or its task) was deleted. */
    public Optional<RunSummary> find(RunId id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id.value()).query(RunSummaries::map).optional();
    }

    /** The project's runs queued since before {@code cutoff} and still waiting; the queue index serves the state filter. */
    public List<RunSummary> waitingSince(String project, Instant cutoff) {
        return jdbc.sql(SELECT + " where r.state = 'QUEUED' and r.project = ? and r.queued_at < ? order by r.queued_at")
                .params(project, utc(cutoff)).query(RunSummaries::map).list();
    }

    private static RunSummary map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new RunSummary(new RunId(rs.getString("id")), new TaskId(rs.getString("task_id")), rs.getString("name"),
                rs.getString("project"), TaskState.valueOf(rs.getString("state")), rs.getString("reason"),
                rs.getObject("queued_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant());
    }
}
