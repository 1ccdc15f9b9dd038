package io.tasklane.schedule;

import static io.tasklane.common.SqlTimes.instant;
import static io.tasklane.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schedules in {@code tasklane.task_schedule}, one row per task that has one. */
@Repository
class ScheduleRepository {

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Schedule> find(TaskId taskId) {
        return jdbc.sql("select * from tasklane.task_schedule where task_id = ?").param(taskId.value()).query(this::map).optional();
    }

    /** The schedules among {@code taskIds} (tasks without one are absent). */
    List<Schedule> findAll(java.util.Collection<TaskId> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from tasklane.task_schedule where task_id in (:ids)")
                .param("ids", taskIds.stream().map(TaskId::value).toList()).query(this::map).list();
    }

    /** The schedule locked until the transaction ends: fires and edits of one schedule are serialized. */
    Optional<Schedule> lock(TaskId taskId) {
        return jdbc.sql("select * from tasklane.task_schedule where task_id = ? for update").param(taskId.value())
                .query(this::map).optional();
    }

    /** Replaces the task's schedule. */
    void save(Schedule s) {
        delete(s.taskId());
        jdbc.sql("""
                insert into tasklane.task_schedule (task_id, type, time_zone, fire_at, start_date, windows, active,
                  last_fire_at, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.taskId().value(), s.type().name(), s.zone().getId(), s.at() == null ? null : s.at().toString(),
                        s.startDate() == null ? null : s.startDate().toString(), windows(s.windows()), s.active(),
                        utc(s.lastFireAt()), s.updatedBy(), utc(s.updatedAt()))
                .update();
    }

    void markFired(TaskId taskId, Instant fire) {
        jdbc.sql("update tasklane.task_schedule set last_fire_at = ? where task_id = ?").params(utc(fire), taskId.value()).update();
    }

    boolean delete(TaskId taskId) {
        return jdbc.sql("delete from tasklane.task_schedule where task_id = ?").param(taskId.value()).update() > 0;
    }

    private Schedule map(ResultSet rs, int row) throws SQLException {
        String at = rs.getString("fire_at");
        String startDate = rs.getString("start_date");
        return new Schedule(new TaskId(rs.getString("task_id")), ScheduleType.valueOf(rs.getString("type")),
                ZoneId.of(rs.getString("time_zone")), at == null ? null : LocalDateTime.parse(at),
                startDate == null ? null : LocalDate.parse(startDate), windows(rs.getString("windows")),
                rs.getBoolean("active"), instant(rs, "last_fire_at"), rs.getString("updated_by"), instant(rs, "updated_at"));
    }

    static String windows(List<ReplicaWindow> windows) {
        return windows.isEmpty() ? null : windows.stream()
                .map(w -> w.time() + " " + w.minReplicas() + " " + w.maxReplicas()).collect(Collectors.joining(";"));
    }

    static List<ReplicaWindow> windows(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(";")).map(w -> w.split(" "))
                .map(p -> new ReplicaWindow(LocalTime.parse(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]))).toList();
    }
}
