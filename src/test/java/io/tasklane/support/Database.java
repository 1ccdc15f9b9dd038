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

    /** Removes every task with its runs, replicas and allocations. */
    public static void deleteAllTasks(JdbcClient jdbc) {
        jdbc.sql("delete from tasklane.run_instance").update();
        jdbc.sql("delete from tasklane.allocation").update();
        jdbc.sql("update tasklane.task set current_run_id = null").update();
        jdbc.sql("delete from tasklane.task_run").update();
        jdbc.sql("delete from tasklane.task").update();
    }
}
