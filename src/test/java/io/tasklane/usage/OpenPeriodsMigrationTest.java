package io.tasklane.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V13 on both databases Tasklane runs on: the open usage periods V8 wrote move into their allocation rows (from when,
 * SKUs, GPUs), an allocation without one counts from its run's admission, an open period without an allocation is
 * closed when its run ended, closed periods stay; afterwards the view usage_hold shows the same periods as before.
 */
class OpenPeriodsMigrationTest {

    @Test
    void onH2() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:open-periods-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        migratedWithPeriods(h2, "TASKLANE", "h2");
    }

    @Test
    void onPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            migratedWithPeriods(postgres.getPostgresDatabase(), "tasklane", "postgresql");
        }
    }

    private static void migratedWithPeriods(DataSource database, String schema, String vendor) {
        migrate(database, schema, vendor, "12");
        JdbcClient jdbc = JdbcClient.create(database);
        holdingsOfV8(jdbc);

        migrate(database, schema, vendor, "latest");

        assertThat(jdbc.sql("select run_id, replica_index, held_from, skus, gpus from tasklane.allocation order by run_id, replica_index")
                .query((rs, i) -> rs.getString(1) + "/" + rs.getInt(2) + " from " + at(rs.getObject(3, OffsetDateTime.class))
                        + " skus " + rs.getInt(4) + " gpus " + rs.getInt(5)).list())
                .containsExactly("r1/0 from 10:05 skus 2 gpus 4", "r1/1 from 10:00 skus 1 gpus 2");
        assertThat(periods(jdbc, "usage_period")).as("closed periods only")
                .containsExactly("r1/2 09:00-09:30 alice demo first", "r2/0 10:30-11:00 alice demo second");
        assertThat(periods(jdbc, "usage_hold")).as("the same periods as before the migration")
                .containsExactly("r1/0 10:05-open alice demo first", "r1/1 10:00-open alice demo first",
                        "r1/2 09:00-09:30 alice demo first", "r2/0 10:30-11:00 alice demo second");
    }

    private static void migrate(DataSource database, String schema, String vendor, String target) {
        Flyway.configure().dataSource(database).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).target(target).load().migrate();
    }

    /**
     * As V8 left them on 2026-12-06 (UTC): run r1 holds replica 0 (2 SKUs of 2 GPUs, its period open from 10:05) and
     * replica 1 (1 SKU, no period: counts from its admission at 10:00); its replica 2 held GPUs 09:00-09:30. Run r2,
     * ended at 11:00, still has a period open from 10:30 but no allocation.
     */
    private static void holdingsOfV8(JdbcClient jdbc) {
        jdbc.sql("insert into tasklane.project (name, created_at) values ('demo', current_timestamp)").update();
        jdbc.sql("""
                insert into tasklane.virtual_cluster (name, gpu_type, sku_gpus, sku_cpu, sku_memory_gib, queue_policy, source, created_at, updated_at)
                values ('c1', 'simulated', 2, 4, 16, 'BEST_EFFORT_FIFO', 'CONFIG', current_timestamp, current_timestamp)""").update();
        task(jdbc, "t1", "first", "r1", "RUNNING", null);
        task(jdbc, "t2", "second", "r2", "FAILED", "2026-12-06 11:00:00+00");
        jdbc.sql("insert into tasklane.allocation (run_id, replica_index, cluster, node, slots, gpu_indices) values ('r1', 0, 'c1', 'n1', '0,1', '0,1,2,3')")
                .update();
        jdbc.sql("insert into tasklane.allocation (run_id, replica_index, cluster, node, slots, gpu_indices) values ('r1', 1, 'c1', 'n1', '2', '4,5')")
                .update();
        period(jdbc, "r1", 0, "t1", "first", 2, "2026-12-06 10:05:00+00", null);
        period(jdbc, "r1", 2, "t1", "first", 1, "2026-12-06 09:00:00+00", "2026-12-06 09:30:00+00");
        period(jdbc, "r2", 0, "t2", "second", 1, "2026-12-06 10:30:00+00", null);
    }

    private static void task(JdbcClient jdbc, String id, String name, String run, String state, String finishedAt) {
        jdbc.sql("""
                insert into tasklane.task (id, name, project, kind, command_json, cluster, sku_per_replica, replicas,
                  ports_json, env_json, storages_json, priority, active_deadline_seconds, state, pinned, creator,
                  created_at, updated_at, archived, version)
                values (?, ?, 'demo', 'JOB', '["true"]', 'c1', 2, 3, '[]', '{}', '[]', 0, 3600, ?, false, 'alice',
                  current_timestamp, current_timestamp, false, 0)""").params(id, name, state).update();
        jdbc.sql("""
                insert into tasklane.task_run (id, task_id, cluster, kind, replicas, sku_per_replica, priority, state,
                  requested_by, queued_at, admitted_at, finished_at, version, project)
                values (?, ?, 'c1', 'JOB', 3, 2, 0, ?, 'alice', timestamp with time zone '2026-12-06 09:59:00+00',
                  timestamp with time zone '2026-12-06 10:00:00+00', cast(? as timestamp with time zone), 0, 'demo')""")
                .params(run, id, state, finishedAt).update();
    }

    private static void period(JdbcClient jdbc, String run, int replica, String task, String name, int skus, String from, String to) {
        jdbc.sql("""
                insert into tasklane.usage_period (run_id, replica_index, task_id, task_name, project, user_id, cluster, node,
                  skus, gpus, held_from, held_to)
                values (?, ?, ?, ?, 'demo', 'alice', 'c1', 'n1', ?, ?, cast(? as timestamp with time zone), cast(? as timestamp with time zone))""")
                .params(run, replica, task, name, skus, skus * 2, from, to).update();
    }

    /** "run/replica from-to user project task name", ordered. */
    private static List<String> periods(JdbcClient jdbc, String table) {
        return jdbc.sql("select run_id, replica_index, held_from, held_to, user_id, project, task_name from tasklane." + table
                        + " order by run_id, replica_index")
                .query((rs, i) -> rs.getString(1) + "/" + rs.getInt(2) + " " + at(rs.getObject(3, OffsetDateTime.class)) + "-"
                        + at(rs.getObject(4, OffsetDateTime.class)) + " " + rs.getString(5) + " " + rs.getString(6) + " " + rs.getString(7))
                .list();
    }

    private static String at(OffsetDateTime time) {
        return time == null ? "open" : time.toInstant().toString().substring(11, 16);
    }
}
