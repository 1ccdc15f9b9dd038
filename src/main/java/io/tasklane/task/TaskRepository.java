package io.tasklane.task;

import static io.tasklane.common.SqlTimes.instant;
import static io.tasklane.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklane.common.ClusterName;
import io.tasklane.common.RowLocks;
import io.tasklane.common.RunId;
import io.tasklane.common.TaskId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tasks in table {@code tasklane.task}; the list-valued parts of the configuration are JSON text
 * columns (they are never filtered on), tags have their own indexed table.
 */
@Repository
public class TaskRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<PortMapping>> PORTS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> ENV = new TypeReference<>() { };
    private static final TypeReference<List<StorageMount>> STORAGES = new TypeReference<>() { };
    private static final TypeReference<List<TaskRole>> ROLES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowLocks locks;

    TaskRepository(JdbcClient jdbc, ObjectMapper json, RowLocks locks) {
        this.jdbc = jdbc;
        this.json = json;
        this.locks = locks;
    }

    void insert(Task task) {
        TaskSpec s = task.spec();
        jdbc.sql("""
                insert into tasklane.task (id, name, project, kind, image, ray_file_path, ray_deployment_name,
                  command_json, args_json, cluster, sku_per_replica, replicas, ports_json, env_json, storages_json,
                  description, priority, active_deadline_seconds, state, pinned, creator, created_at, updated_at,
                  archived, roles_json, framework, success_policy, version)
                values (:id, :name, :project, :kind, :image, :rayFile, :rayDeployment, :command, :args, :cluster, :sku,
                  :replicas, :ports, :env, :storages, :description, :priority, :deadline, :state, :pinned, :creator,
                  :createdAt, :updatedAt, :archived, :roles, :framework, :successPolicy, 0)""")
                .params(columns(task))
                .update();
        insertTags(task.id(), s.tags());
    }

    /** Saves a changed task; false when another writer changed it since it was read. */
    boolean update(Task task) {
        int updated = jdbc.sql("""
                update tasklane.task set name = :name, kind = :kind, image = :image, ray_file_path = :rayFile,
                  ray_deployment_name = :rayDeployment, command_json = :command, args_json = :args, cluster = :cluster,
                  sku_per_replica = :sku, replicas = :replicas, ports_json = :ports, env_json = :env,
                  storages_json = :storages, description = :description, priority = :priority,
                  active_deadline_seconds = :deadline, state = :state, pinned = :pinned, updated_at = :updatedAt,
                  archived = :archived, roles_json = :roles, framework = :framework, success_policy = :successPolicy,
                  version = version + 1
                where id = :id and version = :version""")
                .params(columns(task))
                .param("version", task.version())
                .update();
        if (updated == 1) {
            jdbc.sql("delete from tasklane.task_tag where task_id = ?").param(task.id().value()).update();
            insertTags(task.id(), task.spec().tags());
        }
        return updated == 1;
    }

    public Optional<Task> findById(TaskId id) {
        return jdbc.sql("select * from tasklane.task where id = ?").param(id.value())
                .query((rs, i) -> map(rs, tagsOf(List.of(id.value())).getOrDefault(id.value(), List.of())))
                .optional();
    }

    /** The task, locked for update until the transaction ends: starts and stops of one task are serialized. */
    public Optional<Task> lockById(TaskId id) {
        boolean exists = !jdbc.sql("select id from tasklane.task where id = ? " + locks.forUpdate()).param(id.value())
                .query(String.class).list().isEmpty();
        return exists ? findById(id) : Optional.empty();
    }

    /** What a run's state change needs of its task, read while locking the task's row. */
    record LockedTask(TaskState state, boolean pinned, String currentRunId, long activeDeadlineSeconds) {
    }

    /**
     * Locks the task's row until the transaction ends and reads only what a run's state change needs: a
     * run moves four or more times in its life, and each move reading the whole task with its tags showed.
     * The run's task id is read in the same statement.
     */
    Optional<LockedTask> lockForChangeOfRun(RunId runId) {
        return jdbc.sql("select state, pinned, current_run_id, active_deadline_seconds from tasklane.task"
                        + " where id = (select task_id from tasklane.task_run where id = ?) " + locks.forUpdate()).param(runId.value())
                .query((rs, i) -> new LockedTask(TaskState.valueOf(rs.getString("state")), rs.getBoolean("pinned"),
                        rs.getString("current_run_id"), rs.getLong("active_deadline_seconds")))
                .optional();
    }

    /** Moves the task to {@code state}, as the mirror of its current run. A pin ends when the task leaves the queue. */
    void setState(TaskId id, TaskState state, String currentRunId, Instant at) {
        jdbc.sql("update tasklane.task set state = ?, current_run_id = coalesce(?, current_run_id), updated_at = ?,"
                        + " pinned = case when ? = 'QUEUED' then pinned else false end, version = version + 1 where id = ?")
                .params(state.name(), currentRunId, utc(at), state.name(), id.value()).update();
    }

    /** Pins or unpins the task; callers hold its cluster's lock, so a cluster never gets two pinned tasks. */
    public void setPinned(TaskId id, boolean pinned, Instant at) {
        jdbc.sql("update tasklane.task set pinned = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(pinned, utc(at), id.value()).update();
    }

    /** The cluster's pinned task, if it has one. */
    public Optional<Task> pinnedIn(ClusterName cluster) {
        return jdbc.sql("select id from tasklane.task where cluster = ? and pinned = true").param(cluster.value())
                .query(String.class).list().stream().findFirst().flatMap(id -> findById(new TaskId(id)));
    }

    Optional<RunId> currentRunId(TaskId id) {
        return jdbc.sql("select current_run_id from tasklane.task where id = ?").param(id.value())
                .query((rs, i) -> Optional.ofNullable(rs.getString(1)).map(RunId::new)).optional().flatMap(o -> o);
    }

    boolean nameTaken(String project, String name) {
        return jdbc.sql("select count(*) from tasklane.task where project = ? and name = ?")
                .params(project, name).query(Long.class).single() > 0;
    }

    void delete(TaskId id) {
        jdbc.sql("delete from tasklane.task where id = ?").param(id.value()).update();
    }

    /**
     * How many tasks match {@code query} among {@code visibleProjects}, by state and archived or not, in one grouped
     * query (its own states and archived filters are ignored): what a page of tabs counts.
     */
    TaskCounts count(TaskQuery query, Set<String> visibleProjects) {
        TaskQuery everyState = new TaskQuery(query.name(), query.text(), query.ids(), List.of(), query.tags(), query.project(),
                query.cluster(), query.creator(), null, 0, 1, query.sort(), query.ascending());
        TaskSearchSql sql = TaskSearchSql.of(everyState, visibleProjects);
        if (sql == null) {
            return new TaskCounts(Map.of(), 0);
        }
        Map<TaskState, Long> active = new java.util.EnumMap<>(TaskState.class);
        long[] archived = {0};
        jdbc.sql("select t.state, t.archived, count(*) as n from tasklane.task t where " + sql.where() + " group by t.state, t.archived")
                .params(sql.params())
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (rs.getBoolean("archived")) {
                        archived[0] += n;
                    } else {
                        active.merge(TaskState.valueOf(rs.getString("state")), n, Long::sum);
                    }
                });
        return new TaskCounts(active, archived[0]);
    }

    /** The page of tasks matching {@code query} among {@code visibleProjects} (null: every project). */
    TaskPage search(TaskQuery query, Set<String> visibleProjects) {
        TaskSearchSql sql = TaskSearchSql.of(query, visibleProjects);
        if (sql == null) {
            return new TaskPage(0, List.of());
        }
        long total = jdbc.sql("select count(*) from tasklane.task t where " + sql.where())
                .params(sql.params()).query(Long.class).single();
        if (total == 0 || query.offset() >= total) {
            return new TaskPage(total, List.of());
        }
        return new TaskPage(total, page(query, sql));
    }

    /** The tasks of one page of {@code query} among {@code visibleProjects}, without counting all that match. */
    List<Task> pageOnly(TaskQuery query, Set<String> visibleProjects) {
        TaskSearchSql sql = TaskSearchSql.of(query, visibleProjects);
        return sql == null ? List.of() : page(query, sql);
    }

    private List<Task> page(TaskQuery query, TaskSearchSql sql) {
        String order = query.sort().column + (query.ascending() ? " asc" : " desc")
                + ", t.id" + (query.ascending() ? " asc" : " desc");
        List<String> ids = jdbc.sql("select t.id from tasklane.task t where " + sql.where() + " order by " + order
                        + " limit :limit offset :offset")
                .params(sql.params()).param("limit", query.limit()).param("offset", query.offset())
                .query(String.class).list();
        return ids.isEmpty() ? List.of() : loadInOrder(ids);
    }

    private List<Task> loadInOrder(List<String> ids) {
        Map<String, List<String>> tags = tagsOf(ids);
        Map<String, Task> byId = jdbc.sql("select * from tasklane.task where id in (:ids)").param("ids", ids)
                .query((rs, i) -> map(rs, tags.getOrDefault(rs.getString("id"), List.of()))).list().stream()
                .collect(Collectors.toMap(t -> t.id().value(), t -> t));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private Map<String, List<String>> tagsOf(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select task_id, tag from tasklane.task_tag where task_id in (:ids) order by task_id, tag")
                .param("ids", taskIds)
                .query((rs, i) -> Map.entry(rs.getString("task_id"), rs.getString("tag"))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private void insertTags(TaskId id, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("insert into tasklane.task_tag (task_id, tag) values (?, ?)").params(id.value(), tag).update();
        }
    }

    private Map<String, Object> columns(Task task) {
        TaskSpec s = task.spec();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", task.id().value());
        c.put("name", s.name());
        c.put("project", s.project());
        c.put("kind", s.kind().name());
        c.put("image", s.image());
        c.put("rayFile", s.ray() == null ? null : s.ray().filePath());
        c.put("rayDeployment", s.ray() == null ? null : s.ray().deploymentName());
        c.put("command", s.command() == null ? null : write(s.command()));
        c.put("args", s.args() == null ? null : write(s.args()));
        c.put("cluster", s.cluster());
        // A task with roles keeps its size in its roles; these columns then hold its largest replica and its total.
        c.put("sku", s.largestSkuPerReplica());
        c.put("replicas", s.replicaCount());
        c.put("roles", s.hasRoles() ? write(s.roles()) : null);
        c.put("framework", s.framework() == null ? null : s.framework().name());
        c.put("successPolicy", s.successPolicy() == null ? null : s.successPolicy().name());
        c.put("ports", write(s.ports()));
        c.put("env", write(s.env()));
        c.put("storages", write(s.storages()));
        c.put("description", s.description());
        c.put("priority", s.priority());
        c.put("deadline", s.activeDeadlineSeconds());
        c.put("state", task.state().name());
        c.put("pinned", task.pinned());
        c.put("creator", task.creator());
        c.put("createdAt", utc(task.createdAt()));
        c.put("updatedAt", utc(task.updatedAt()));
        c.put("archived", task.archived());
        return c;
    }

    private Task map(ResultSet rs, List<String> tags) throws SQLException {
        String rayFile = rs.getString("ray_file_path");
        String command = rs.getString("command_json");
        String args = rs.getString("args_json");
        String currentRunId = rs.getString("current_run_id");
        String roles = rs.getString("roles_json");
        String framework = rs.getString("framework");
        String successPolicy = rs.getString("success_policy");
        TaskSpec spec = new TaskSpec(rs.getString("name"), rs.getString("project"), TaskKind.valueOf(rs.getString("kind")),
                rs.getString("image"), rayFile == null ? null : new RayEntry(rayFile, rs.getString("ray_deployment_name")),
                command == null ? null : read(command, STRINGS), args == null ? null : read(args, STRINGS),
                rs.getString("cluster"), roles != null ? null : rs.getInt("sku_per_replica"),
                roles != null ? null : rs.getInt("replicas"),
                read(rs.getString("ports_json"), PORTS), read(rs.getString("env_json"), ENV),
                read(rs.getString("storages_json"), STORAGES), rs.getString("description"), new ArrayList<>(tags),
                rs.getInt("priority"), rs.getLong("active_deadline_seconds"),
                roles == null ? null : read(roles, ROLES), framework == null ? null : Framework.valueOf(framework),
                successPolicy == null ? null : SuccessPolicy.valueOf(successPolicy));
        return new Task(new TaskId(rs.getString("id")), spec, TaskState.valueOf(rs.getString("state")),
                rs.getBoolean("pinned"), rs.getString("creator"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getBoolean("archived"), rs.getLong("version")).withCurrentRun(currentRunId == null ? null : new RunId(currentRunId));
    }



    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write task configuration as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored task configuration is not valid JSON", e);
        }
    }
}
