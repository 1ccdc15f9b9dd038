package io.tasklane.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data written straight into the database, and clean-up in the order foreign keys need. */
public final class Database {

    private Database() {
    }

    /**
     * A one-replica JOB task of project demo (creator alice) on {@code cluster} and its current run, both in
     * {@code state}, the run queued {@code secondsAfter} seconds after 2026-11-25T00:00Z: for tests of what
     * reads runs (dispatch, replica reports) without going through a start.
     */
    public static void taskWithRun(JdbcClient jdbc, String taskId, String runId, String cluster, String state, int priority,
                                   int skus, boolean pinned, int secondsAfter) {
        jdbc.sql("""
                insert into tasklane.task (id, name, project, kind, command_json, cluster, sku_per_replica, replicas,
                  ports_json, env_json, storages_json, priority, active_deadline_seconds, state, pinned, creator,
                  created_at, updated_at, archived, version)
                values (?, ?, 'demo', 'JOB', '["true"]', ?, ?, 1, '[]', '{}', '[]', ?, 3600, ?, ?, 'alice', now(), now(), false, 0)""")
                .params(taskId, "direct-" + taskId, cluster, skus, priority, state, pinned).update();
        jdbc.sql("""
                insert into tasklane.task_run (id, task_id, cluster, kind, replicas, sku_per_replica, priority, state,
                  requested_by, queued_at, version)
                values (?, ?, ?, 'JOB', 1, ?, ?, ?, 'alice',
                  timestamp with time zone '2026-11-25 00:00:00+00' + ? * interval '1 second', 0)""")
                .params(runId, taskId, cluster, skus, priority, state, secondsAfter).update();
        jdbc.sql("update tasklane.task set current_run_id = ? where id = ?").params(runId, taskId).update();
    }

    /**
     * A running one-replica run of {@code skus} SKUs on {@code node}, slots {@code firstSlot}..: what a
     * force-start may kill. The run has no process, so nothing moves it on while a test looks at it.
     */
    public static void runningOn(JdbcClient jdbc, String id, String cluster, String node, int firstSlot, int skus, int priority) {
        taskWithRun(jdbc, "t" + id, "r" + id, cluster, "RUNNING", priority, skus, false, 0);
        jdbc.sql("update tasklane.task_run set admitted_at = now(), started_at = now() where id = ?").param("r" + id).update();
        reserve(jdbc, "r" + id, cluster, node, firstSlot, skus);
    }

    /**
     * The run's only replica holds {@code skus} slots of {@code node} from {@code firstSlot} on (GPU index = slot, one GPU
     * per SKU), from now: its open usage period.
     */
    public static void reserve(JdbcClient jdbc, String runId, String cluster, String node, int firstSlot, int skus) {
        String slots = java.util.stream.IntStream.range(firstSlot, firstSlot + skus).mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        jdbc.sql("""
                insert into tasklane.allocation (run_id, replica_index, cluster, node, slots, gpu_indices, held_from, skus, gpus)
                values (?, 0, ?, ?, ?, ?, now(), ?, ?)""").params(runId, cluster, node, slots, slots, skus, skus).update();
    }

    /** Removes every task with its runs, replicas and allocations. */
    public static void deleteAllTasks(JdbcClient jdbc) {
        jdbc.sql("delete from tasklane.run_instance").update();
        jdbc.sql("delete from tasklane.allocation").update();
        jdbc.sql("update tasklane.task set current_run_id = null").update();
        jdbc.sql("delete from tasklane.task_run").update();
        jdbc.sql("delete from tasklane.task").update();
    }
}
