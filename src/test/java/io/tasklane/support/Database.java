package io.tasklane.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data clean-up in the order foreign keys need. */
public final class Database {

    private Database() {
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
