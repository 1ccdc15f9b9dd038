package io.tasklane.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tasklane.common.ClusterName;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a start estimate is made from, read per cluster in a few set-based queries. */
@Repository
class EstimateRepository {

    /** Earlier runs of a task looked at: the most recent ones say most about the next. */
    static final int HISTORY_PER_TASK = 20;

    private final JdbcClient jdbc;

    EstimateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A run holding slots on the cluster: where, since when, its deadline and its task's active deadline. */
    record HeldRun(RunId runId, TaskId taskId, String project, Instant since, Instant deadlineAt, long activeDeadlineSeconds,
                   Map<String, Set<Integer>> slotsByNode) {
    }

    /** Every run holding slots on the cluster, one row per replica's allocation read, merged per run. */
    List<HeldRun> holding(ClusterName cluster) {
        Map<String, HeldRun> byRun = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select a.run_id, a.node, a.slots, r.task_id, t.project, r.admitted_at, r.deadline_at, t.active_deadline_seconds
                from tasklane.allocation a join tasklane.task_run r on r.id = a.run_id join tasklane.task t on t.id = r.task_id
                where a.cluster = ?""")
                .param(cluster.value())
                .query((rs, i) -> {
                    HeldRun run = byRun.computeIfAbsent(rs.getString("run_id"), id -> {
                        try {
                            return new HeldRun(new RunId(id), new TaskId(rs.getString("task_id")), rs.getString("project"),
                                    instant(rs.getObject("admitted_at", OffsetDateTime.class)),
                                    instant(rs.getObject("deadline_at", OffsetDateTime.class)), rs.getLong("active_deadline_seconds"),
                                    new HashMap<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Set<Integer> slots = run.slotsByNode().computeIfAbsent(rs.getString("node"), n -> new HashSet<>());
                    for (String slot : rs.getString("slots").split(",")) {
                        if (!slot.isBlank()) {
                            slots.add(Integer.valueOf(slot.trim()));
                        }
                    }
                    return run;
                })
                .list();
        return List.copyOf(byRun.values());
    }

    /** The active deadline of each waiting run's task, by run id. */
    Map<RunId, Duration> activeDeadlinesOfWaiting(ClusterName cluster) {
        Map<RunId, Duration> deadlines = new HashMap<>();
        jdbc.sql("""
                select r.id, t.active_deadline_seconds from tasklane.task_run r join tasklane.task t on t.id = r.task_id
                where r.cluster = ? and r.state = 'QUEUED' and r.admitted_at is null""")
                .param(cluster.value())
                .query((rs, i) -> deadlines.put(new RunId(rs.getString(1)), Duration.ofSeconds(rs.getLong(2))))
                .list();
        return deadlines;
    }

    /**
     * How long each task's most recent ended runs held their GPUs (admission to end), at most
     * {@link #HISTORY_PER_TASK} per task. Computed from the two times in Java: the same on H2 and PostgreSQL.
     */
    Map<TaskId, List<Duration>> holdingTimes(Collection<TaskId> tasks) {
        Map<TaskId, List<Duration>> times = new HashMap<>();
        List<String> ids = tasks.stream().map(TaskId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            jdbc.sql("""
                    select task_id, admitted_at, finished_at from (
                      select r.task_id, r.admitted_at, r.finished_at,
                             row_number() over (partition by r.task_id order by r.finished_at desc) as n
                      from tasklane.task_run r
                      where r.task_id in (:tasks) and r.finished_at is not null and r.admitted_at is not null) recent
                    where n <= :limit""")
                    .param("tasks", ids.subList(from, Math.min(ids.size(), from + 1000))).param("limit", HISTORY_PER_TASK)
                    .query((rs, i) -> times.computeIfAbsent(new TaskId(rs.getString(1)), t -> new ArrayList<>())
                            .add(Duration.between(rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class))))
                    .list();
        }
        return times;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
