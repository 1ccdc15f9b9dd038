package io.tasklane.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint (an md5 per table) of what a request Tasklane refuses could wrongly change in schema
 * {@code tasklane}. It leaves out what moves by itself while the suite runs: runs, allocations and instances
 * (runs of earlier test classes still progress), task state columns, the events the engine and schedules
 * write ({@code tasklane}, {@code schedule}) and state changes of runs already under way, the outcome of
 * force-starts, node lists that the Kubernetes node sync rewrites, and update times the sync bumps.
 */
public final class RefusableState {

    // Each entry selects the rows a refused request must leave alone; rows are compared as text, in order.
    private static final Map<String, String> TABLES = tables();

    private final JdbcClient jdbc;

    public RefusableState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One hash per table, all read in one statement. */
    public Map<String, String> fingerprint() {
        String sql = TABLES.entrySet().stream()
                .map(t -> "select '" + t.getKey() + "' as name, md5(coalesce(string_agg(r::text, '|' order by r::text), ''))"
                        + " as hash from (" + t.getValue() + ") r")
                .collect(Collectors.joining(" union all "));
        Map<String, String> hashes = new LinkedHashMap<>();
        jdbc.sql(sql).query((rs, row) -> hashes.put(rs.getString("name"), rs.getString("hash"))).list();
        return hashes;
    }

    /** The tables whose hash differs between two fingerprints, by name. */
    public static TreeSet<String> changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, String> tables() {
        String synced = "(select name from tasklane.virtual_cluster where runtime = 'kubernetes')";
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("project", "select * from tasklane.project");
        tables.put("project_member", "select * from tasklane.project_member");
        tables.put("virtual_cluster", "select name, gpu_type, sku_gpus, sku_cpu, sku_memory_gib, queue_policy, source, runtime, "
                + "created_at from tasklane.virtual_cluster where name not in " + synced);
        tables.put("cluster_node", "select * from tasklane.cluster_node where cluster_name not in " + synced);
        tables.put("cluster_grant", "select * from tasklane.cluster_grant");
        tables.put("task", "select id, name, project, kind, image, ray_file_path, ray_deployment_name, command_json, args_json, "
                + "cluster, sku_per_replica, replicas, ports_json, env_json, storages_json, description, priority, "
                + "active_deadline_seconds, creator, created_at, archived from tasklane.task");
        tables.put("task_tag", "select * from tasklane.task_tag");
        // A start appends its QUEUED event in the request; later state changes of a run come from its process.
        tables.put("task_event", "select * from tasklane.task_event where actor not in ('tasklane', 'schedule') "
                + "and (event_type <> 'STATE_CHANGED' or to_state = 'QUEUED')");
        tables.put("task_schedule", "select task_id, type, time_zone, fire_at, start_date, windows, active, updated_by, updated_at "
                + "from tasklane.task_schedule");
        tables.put("pin_request", "select * from tasklane.pin_request");
        tables.put("force_start", "select id, task_id, run_id, cluster, requested_by, decided_by, requested_at, decided_at "
                + "from tasklane.force_start");
        tables.put("deleted_task", "select * from tasklane.deleted_task");
        return tables;
    }
}
